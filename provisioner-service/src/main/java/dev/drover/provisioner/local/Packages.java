package dev.drover.provisioner.local;

import dev.drover.contract.event.FailureKind;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.provisioner.attempt.AttemptFailure;
import dev.drover.provisioner.storage.TaskStorage;
import dev.drover.store.NoSuchObjectException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * DeliveryForm PACKAGE: fetches PackagePath (file://, cos:// through drover-store, http(s)) and
 * unpacks the .tgz/.tar.gz with {@code tar -xzf} into the attempt's directory.
 */
final class Packages {

    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();

    private final TaskStorage storage;

    Packages(TaskStorage storage) {
        this.storage = storage;
    }

    /** Returns the directory the package was unpacked into, which becomes the command's cwd. */
    Path unpack(TaskSpec task, String packagePath, Path workDir) throws AttemptFailure {
        if (packagePath == null || packagePath.isBlank()) {
            throw setup("DeliveryForm PACKAGE needs a PackagePath", null);
        }
        Path archive = fetch(task, packagePath, workDir);
        Path target = workDir.resolve("package");
        try {
            Files.createDirectories(target);
            Process tar =
                    new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", target.toString())
                            .redirectErrorStream(true)
                            .start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw setup("cannot unpack " + packagePath + ": " + output.trim(), null);
            }
            return target;
        } catch (IOException e) {
            throw setup("cannot unpack " + packagePath + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw setup("interrupted while unpacking " + packagePath, e);
        }
    }

    private Path fetch(TaskSpec task, String packagePath, Path workDir) throws AttemptFailure {
        Path archive = workDir.resolve("package.tgz");
        if (packagePath.startsWith("http://") || packagePath.startsWith("https://")) {
            return download(packagePath, archive);
        }
        try {
            if (storage.fetch(task, packagePath, archive)) {
                throw setup("package " + packagePath + " is a directory, not a .tgz", null);
            }
            return archive;
        } catch (NoSuchObjectException e) {
            throw setup("package " + packagePath + " not found", e);
        } catch (IOException e) {
            throw setup("cannot fetch package " + packagePath + ": " + e.getMessage(), e);
        }
    }

    private static Path download(String url, Path target) throws AttemptFailure {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
            HttpResponse<Path> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() / 100 != 2) {
                throw setup("package download " + url + " answered " + response.statusCode(), null);
            }
            return target;
        } catch (IOException | IllegalArgumentException e) {
            throw setup("cannot download package " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw setup("interrupted while downloading " + url, e);
        }
    }

    private static AttemptFailure setup(String reason, Throwable cause) {
        return new AttemptFailure(FailureKind.SETUP, reason, cause);
    }
}
