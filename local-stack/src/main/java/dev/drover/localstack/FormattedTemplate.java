package dev.drover.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A KRaft log dir formatted once per machine and broker classpath. Formatting costs a JVM start of
 * its own (about two seconds); copying the result costs milliseconds.
 */
final class FormattedTemplate {

    private FormattedTemplate() {}

    /** The formatted template, formatting it first if no JVM on this machine has yet. */
    static Path get(String classpath, Path log4j, Path logFile)
            throws IOException, InterruptedException {
        String key = HexFormat.of().toHexDigits(classpath.hashCode());
        Path template = Path.of(System.getProperty("java.io.tmpdir"), "drover-kraft-" + key);
        if (Files.exists(template.resolve("meta.properties"))) {
            return template;
        }
        Path scratch = Files.createTempDirectory("drover-kraft-format-");
        Path dataDir = scratch.resolve("data");
        Path config = scratch.resolve("server.properties");
        // Ports end up nowhere in static-voter storage; any will do for the tool's validation.
        KafkaBroker.writeServerConfig(config, dataDir, FreePort.pick(), FreePort.pick());
        List<String> command =
                KafkaBroker.javaCommand(
                        classpath,
                        log4j,
                        "kafka.tools.StorageTool",
                        "format",
                        "--config",
                        config.toString(),
                        "--cluster-id",
                        org.apache.kafka.common.Uuid.randomUuid().toString());
        Process format =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start();
        if (!format.waitFor(2, TimeUnit.MINUTES)) {
            format.destroyForcibly();
            throw new IllegalStateException("Kafka storage format hung; see " + logFile);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException(
                    "Kafka storage format failed with " + format.exitValue() + "; see " + logFile);
        }
        // Publish by rename, so a concurrent JVM sees either nothing or a complete template.
        Path staged = template.resolveSibling(template.getFileName() + "-" + UUID.randomUUID());
        Files.move(dataDir, staged);
        try {
            Files.move(staged, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(template.resolve("meta.properties"))) {
                throw e;
            }
            // Another JVM won the race; its template is as good as ours.
            KafkaBroker.deleteRecursively(staged);
        }
        KafkaBroker.deleteRecursively(scratch);
        return template;
    }
}
