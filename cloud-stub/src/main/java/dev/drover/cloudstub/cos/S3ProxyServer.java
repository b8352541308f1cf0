package dev.drover.cloudstub.cos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy as the stand-in for Tencent COS: a child JVM (classpath from drover-s3proxy-runtime) with
 * the filesystem backend in a directory it owns, on a free loopback port, in virtual-host mode.
 *
 * <p>cos_api always addresses a bucket by host name ({@code <bucket>.<suffix>}); there is no DNS
 * here, so a client connects to {@link #address()} and sends {@code Host: <bucket>.}{@link
 * #HOST_SUFFIX}, which S3Proxy maps back to the bucket. S3Proxy cannot verify COS's own {@code
 * q-sign-algorithm} signatures, so authorization is off: wrong credentials are not detected here.
 */
public final class S3ProxyServer implements AutoCloseable {

    /** The host suffix S3Proxy strips to find the bucket; clients build {@code bucket.SUFFIX}. */
    public static final String HOST_SUFFIX = "cos.drover.test";

    private static final String CLASSPATH_RESOURCE = "/dev/drover/s3proxy/s3proxy.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path logFile;

    private S3ProxyServer(Process process, int port, Path dataDir, Path logFile) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    /** Starts S3Proxy with its data and log under {@code dir} and waits until it answers. */
    public static S3ProxyServer start(Path dir) {
        try {
            return startIn(dir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("S3Proxy did not start in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting S3Proxy", e);
        }
    }

    private static S3ProxyServer startIn(Path dir) throws IOException, InterruptedException {
        Path dataDir = Files.createDirectories(dir.resolve("data"));
        int port = FreePort.pick();
        Path config = dir.resolve("s3proxy.properties");
        writeConfig(config, dataDir, port);
        Path logback = dir.resolve("logback.xml");
        // S3Proxy ships no logging config, and logback's default is DEBUG for everything.
        Files.writeString(
                logback,
                "<configuration><appender name=\"OUT\""
                        + " class=\"ch.qos.logback.core.ConsoleAppender\">"
                        + "<encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder>"
                        + "</appender><root level=\"INFO\"><appender-ref ref=\"OUT\"/></root>"
                        + "</configuration>",
                StandardCharsets.UTF_8);
        Path logFile = dir.resolve("s3proxy.log");
        Process process =
                new ProcessBuilder(command(config, logback))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start();
        S3ProxyServer server = new S3ProxyServer(process, port, dataDir, logFile);
        try {
            server.awaitAnswer();
            return server;
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>}: where clients connect, whatever host name they send. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The loopback port S3Proxy listens on. */
    public int port() {
        return port;
    }

    /**
     * Creates a bucket as an empty directory of the filesystem backend (COS buckets are made in the
     * console, never by Drover, so the store has no create-bucket call).
     */
    public void createBucket(String bucket) {
        try {
            Files.createDirectories(dataDir.resolve(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holding a bucket's objects, for assertions on what really got stored. */
    public Path bucketDirectory(String bucket) {
        return dataDir.resolve(bucket);
    }

    /** The file receiving S3Proxy's output. */
    public Path logFile() {
        return logFile;
    }

    /** Whether the child JVM is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitAnswer() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe =
                HttpRequest.newBuilder(URI.create("http://" + address() + "/"))
                        .timeout(Duration.ofSeconds(2))
                        .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "S3Proxy exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                http.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                // Not listening yet: the JVM is still starting. Ask again shortly.
                last = e;
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException(
                "S3Proxy not answering after " + START_TIMEOUT + "; see " + logFile, last);
    }

    private static void writeConfig(Path config, Path dataDir, int port) throws IOException {
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
        p.setProperty("s3proxy.virtual-host", HOST_SUFFIX);
        p.setProperty("s3proxy.authorization", "none");
        p.setProperty("jclouds.provider", "filesystem-nio2");
        p.setProperty("jclouds.filesystem.basedir", dataDir.toString());
        p.setProperty("jclouds.identity", "local-identity");
        p.setProperty("jclouds.credential", "local-credential");
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "written by drover cloud-stub S3ProxyServer");
        }
    }

    private static List<String> command(Path config, Path logback) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        // C1 only and a serial GC: S3Proxy lives for one test run on a busy machine.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dlogback.configurationFile=" + logback);
        command.add("-cp");
        command.add(classpath());
        command.add("org.gaul.s3proxy.Main");
        command.add("--properties");
        command.add(config.toString());
        return command;
    }

    private static String classpath() throws IOException {
        try (InputStream in = S3ProxyServer.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        CLASSPATH_RESOURCE
                                + " missing: is drover-s3proxy-runtime on the classpath?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
