package dev.drover.provisioner.cvm;

import dev.drover.contract.spec.OutputMapping;
import dev.drover.contract.storage.RemotePath;
import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.AttemptId;
import dev.drover.provisioner.storage.TaskStorage;
import dev.drover.store.ObjectInfo;
import dev.drover.store.ObjectStore;
import dev.drover.store.cos.CosStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The COS side of an attempt on CVM: presigned URLs for its inputs, package, logs and outputs (the
 * instance holds no key pair), and the scratch objects where it leaves stdout, stderr and the list
 * of its output files.
 */
final class Scratch {

    private final TaskStorage storage;
    private final CosStore store;
    private final RemotePath root;
    private final List<String> curlOptions;
    private final Duration validity;

    Scratch(
            TaskStorage storage,
            CosStore store,
            RemotePath root,
            List<String> curlOptions,
            Duration validity) {
        this.storage = storage;
        this.store = store;
        this.root = root;
        this.curlOptions = curlOptions;
        this.validity = validity;
    }

    CosStore store() {
        return store;
    }

    List<String> curlOptions() {
        return curlOptions;
    }

    /** The scratch object {@code name} of an attempt. */
    RemotePath object(Attempt attempt, String name) {
        AttemptId id = attempt.id();
        return root.resolve(
                id.jobId()
                        + "/"
                        + id.taskName()
                        + "/"
                        + id.index()
                        + "/"
                        + id.attempt()
                        + "/"
                        + name);
    }

    String putUrl(Attempt attempt, String name) {
        return store.presign(object(attempt, name), true, validity).toString();
    }

    /** GET URLs of every object of an InputMapping, each with the local file it becomes. */
    List<ShellScript.Fetch> inputFetches(Attempt attempt, String source, String destination)
            throws IOException {
        RemotePath path = TaskStorage.parse(source);
        CosStore cos = cosFor(attempt, path, source);
        List<ShellScript.Fetch> fetches = new ArrayList<>();
        String dest = destination.endsWith("/") ? destination : destination + "/";
        if (!path.isDirectory() && cos.exists(path)) {
            String target =
                    destination.endsWith("/")
                            ? dest + path.key().substring(path.key().lastIndexOf('/') + 1)
                            : destination;
            fetches.add(new ShellScript.Fetch(get(cos, path), target));
            return fetches;
        }
        List<ObjectInfo> objects = cos.list(path);
        if (objects.isEmpty()) {
            throw new IOException("source does not exist");
        }
        for (ObjectInfo object : objects) {
            fetches.add(
                    new ShellScript.Fetch(get(cos, object.path()), dest + object.relativeKey()));
        }
        return fetches;
    }

    /** The GET URL of a cos:// package, or an http(s) PackagePath as it is. */
    ShellScript.Fetch packageFetch(Attempt attempt, String packagePath) throws IOException {
        if (packagePath.startsWith("http://") || packagePath.startsWith("https://")) {
            return new ShellScript.Fetch(packagePath, "package.tgz");
        }
        RemotePath path = TaskStorage.parse(packagePath);
        CosStore cos = cosFor(attempt, path, packagePath);
        if (!cos.exists(path)) {
            throw new IOException("package " + packagePath + " not found");
        }
        return new ShellScript.Fetch(get(cos, path), "package.tgz");
    }

    /** PUT URLs for every output file the instance listed in its manifest. */
    List<ShellScript.Fetch> outputUploads(Attempt attempt) throws IOException {
        List<OutputMapping> mappings = attempt.task().outputMappings();
        List<ShellScript.Fetch> uploads = new ArrayList<>();
        String manifest;
        try (InputStream in = store.open(object(attempt, "manifest"))) {
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Integer> seen = new ArrayList<>();
        for (String line : manifest.split("\n")) {
            if (line.length() < 5) {
                continue;
            }
            String[] parts = line.split(" ", 3);
            int i = Integer.parseInt(parts[0]);
            seen.add(i);
            uploads.add(upload(attempt, mappings.get(i), parts[1].equals("d"), parts[2]));
        }
        for (int i = 0; i < mappings.size(); i++) {
            if (!seen.contains(i)) {
                throw new IOException(
                        "output "
                                + mappings.get(i).sourcePath()
                                + " does not exist after the command ended");
            }
        }
        return uploads;
    }

    private ShellScript.Fetch upload(
            Attempt attempt, OutputMapping mapping, boolean dir, String relative)
            throws IOException {
        String source = mapping.sourcePath();
        String destination = mapping.destinationPath();
        RemotePath target = TaskStorage.parse(destination);
        CosStore cos = cosFor(attempt, target, destination);
        String local;
        RemotePath object;
        if (dir) {
            String rel = relative.startsWith("./") ? relative.substring(2) : relative;
            local = (source.endsWith("/") ? source : source + "/") + rel;
            object = target.resolve(rel);
        } else {
            local = source;
            String name = source.substring(source.lastIndexOf('/') + 1);
            object = destination.endsWith("/") ? target.resolve(name) : target;
        }
        return new ShellScript.Fetch(cos.presign(object, true, validity).toString(), local);
    }

    private CosStore cosFor(Attempt attempt, RemotePath path, String text) throws IOException {
        ObjectStore chosen = storage.storeFor(attempt.task(), path);
        if (!(chosen instanceof CosStore cos)) {
            throw new IOException("the cvm backend reaches only cos:// paths: " + text);
        }
        return cos;
    }

    private String get(CosStore cos, RemotePath path) {
        return cos.presign(path, false, validity).toString();
    }
}
