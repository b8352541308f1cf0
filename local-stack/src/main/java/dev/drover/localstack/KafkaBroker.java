package dev.drover.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker and controller in one
 * process), running in a child JVM whose classpath comes from drover-kafka-runtime, so the broker's
 * jars never mix with the caller's.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "/dev/drover/kafka/broker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final String bootstrapServers;
    private final Path logFile;

    private KafkaBroker(Process process, String bootstrapServers, Path logFile) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.logFile = logFile;
    }

    /**
     * Starts the broker with its log dir under {@code dir} (kept from an earlier start in the same
     * directory, else freshly formatted), waits until it serves clients and creates those of {@code
     * topics} that do not exist yet, with {@code partitions} partitions each.
     */
    public static KafkaBroker start(Path dir, int partitions, Collection<String> topics) {
        try {
            return startIn(dir.toAbsolutePath(), partitions, topics);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    private static KafkaBroker startIn(Path dir, int partitions, Collection<String> topics)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path dataDir = dir.resolve("data");
        int brokerPort = FreePort.pick();
        int controllerPort = FreePort.pick();
        String bootstrap = "127.0.0.1:" + brokerPort;
        Path config = dir.resolve("server.properties");
        writeServerConfig(config, dataDir, brokerPort, controllerPort);
        Path log4j = dir.resolve("log4j2.properties");
        writeLog4jConfig(log4j);
        Path logFile = dir.resolve("broker.log");
        Files.deleteIfExists(logFile);

        String classpath = brokerClasspath();
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            deleteRecursively(dataDir);
            copyRecursively(FormattedTemplate.get(classpath, log4j, logFile), dataDir);
        }
        Process process =
                new ProcessBuilder(javaCommand(classpath, log4j, "kafka.Kafka", config.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .start();
        KafkaBroker broker = new KafkaBroker(process, bootstrap, logFile);
        try {
            broker.awaitReadyAndCreate(partitions, topics);
            return broker;
        } catch (RuntimeException | InterruptedException e) {
            broker.stop();
            throw e;
        }
    }

    /** host:port for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Operating-system id of the child JVM. */
    public long pid() {
        return process.pid();
    }

    /** Whether the child JVM is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The file that receives the broker's stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    /**
     * Asks the broker to shut down and waits for the child JVM to exit, killing it if it takes too
     * long.
     */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReadyAndCreate(int partitions, Collection<String> topics)
            throws InterruptedException {
        Map<String, Object> adminConfig =
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                        AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(adminConfig)) {
            awaitCluster(admin);
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, partitions, (short) 1));
            }
            createMissing(admin, newTopics);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "could not create topics on " + bootstrapServers + "; see " + logFile, e);
        }
    }

    private static void createMissing(Admin admin, List<NewTopic> topics)
            throws ExecutionException, TimeoutException, InterruptedException {
        for (var result : admin.createTopics(topics).values().entrySet()) {
            try {
                result.getValue().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // A kept log dir already has its topics, with whatever partitions they had.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private void awaitCluster(Admin admin) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Kafka broker exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                int nodes =
                        admin.describeCluster(new DescribeClusterOptions().timeoutMs(1_000))
                                .nodes()
                                .get(2, TimeUnit.SECONDS)
                                .size();
                if (nodes > 0) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // Not listening yet, or the controller has not elected itself: ask again.
                last = e;
            }
        }
        throw new IllegalStateException(
                "Kafka broker not ready after " + START_TIMEOUT + "; see " + logFile, last);
    }

    static List<String> javaCommand(
            String classpath, Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Xms64m");
        // The full JIT (unlike the services' C1 only): the broker handles every event of every
        // service, and under `drover up` it lives for days; with C2 a 10,000-task wide job ran at
        // 377-410 tasks/s against 332 with C1 only.
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    static void writeServerConfig(Path config, Path dataDir, int brokerPort, int controllerPort)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty(
                "listeners",
                "PLAINTEXT://127.0.0.1:"
                        + brokerPort
                        + ",CONTROLLER://127.0.0.1:"
                        + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        // A static voter set keeps ports out of the formatted storage, so one formatted template
        // serves every broker and a kept log dir comes back on new ports.
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("log.dirs", dataDir.toString());
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        // One node, so every internal topic must make do with one replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "8");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "4");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        // Tests start consumers one after another; waiting for more members only costs time.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "written by drover local-stack KafkaBroker");
        }
    }

    private static void writeLog4jConfig(Path file) throws IOException {
        String config =
                String.join(
                        "\n",
                        "status = warn",
                        "appender.out.type = Console",
                        "appender.out.name = OUT",
                        "appender.out.layout.type = PatternLayout",
                        "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.out.ref = OUT",
                        // Per-partition state changes flood the log on every topic creation.
                        "logger.state.name = state.change.logger",
                        "logger.state.level = WARN",
                        "");
        Files.writeString(file, config, StandardCharsets.UTF_8);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        CLASSPATH_RESOURCE + " missing: is drover-kafka-runtime on the classpath?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
