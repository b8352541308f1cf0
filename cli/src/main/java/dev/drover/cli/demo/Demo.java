package dev.drover.cli.demo;

import dev.drover.cli.stack.StackHome;
import dev.drover.contract.storage.LocalStoreLayout;
import dev.drover.contract.storage.RemotePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The example pipeline of {@code examples/wordcount.json} and where its data lives: the corpus it
 * reads, the report it writes and the logs it archives, as paths in the local store.
 */
public final class Demo {

    /** The bucket every example uses. */
    public static final String BUCKET = "cos://drover-examples/";

    /** Where wordcount.json reads the corpus from. */
    public static final RemotePath CORPUS = RemotePath.parse(BUCKET + "corpus/");

    /** Where wordcount.json's report task writes its result. */
    public static final RemotePath REPORT = RemotePath.parse(BUCKET + "runs/wordcount/report/");

    /** Where every run of the examples writes its intermediate and final outputs. */
    public static final RemotePath RUNS = RemotePath.parse(BUCKET + "runs/");

    /** Where the examples archive stdout and stderr. */
    public static final RemotePath LOGS = RemotePath.parse(BUCKET + "logs/");

    /** File name of the report inside {@link #REPORT}. */
    public static final String REPORT_FILE = "top-words.txt";

    private final LocalStoreLayout store;
    private final Path examples;

    public Demo(StackHome home, Path repo) {
        this.store = new LocalStoreLayout(home.store());
        this.examples = repo.resolve("examples");
    }

    /** The job document. */
    public Path job() {
        return examples.resolve("wordcount.json");
    }

    /** What the report must say, computed once from the corpus and shipped with it. */
    public Path expected() {
        return examples.resolve("wordcount.expected");
    }

    /** The report file the last run wrote into the store. */
    public Path result() {
        return store.locate(REPORT).resolve(REPORT_FILE);
    }

    /** A remote directory of the examples, as a local path of the store. */
    public Path local(RemotePath path) {
        return store.locate(path);
    }

    /**
     * Copies {@code examples/corpus/*.txt} to where the job reads it, so the job finds its input as
     * it would find it in COS. A copy that is already there is replaced.
     */
    public Path stageCorpus() {
        Path target = store.locate(CORPUS);
        try {
            Files.createDirectories(target);
            try (Stream<Path> books = Files.list(examples.resolve("corpus"))) {
                for (Path book : books.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    Files.copy(
                            book,
                            target.resolve(book.getFileName().toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage the corpus into " + target, e);
        }
        return target;
    }

    /** Removes the outputs of an earlier run, so the result shown is this run's. */
    public void clearRuns() {
        Path runs = store.locate(RUNS);
        if (!Files.exists(runs)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(runs)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + runs, e);
        }
    }
}
