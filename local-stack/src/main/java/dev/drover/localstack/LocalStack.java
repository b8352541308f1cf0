package dev.drover.localstack;

import dev.drover.contract.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything the Drover services need from outside: a Kafka broker with every topic of {@link
 * Topics#ALL}, and PostgreSQL with the services' databases, all on loopback and owned by one
 * directory.
 */
public final class LocalStack implements AutoCloseable {

    /** The databases the services use. */
    public static final List<String> DATABASES = List.of("drover_jobs", "drover_scheduler");

    /** Partitions per topic unless told otherwise. */
    public static final int DEFAULT_PARTITIONS = 8;

    /** Name of the file that describes a running stack, inside its directory. */
    public static final String PROPERTIES_FILE = "stack.properties";

    private final Path dir;
    private final KafkaBroker kafka;
    private final Postgres postgres;

    private LocalStack(Path dir, KafkaBroker kafka, Postgres postgres) {
        this.dir = dir;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * Starts Kafka and PostgreSQL side by side under {@code dir} and writes {@value
     * #PROPERTIES_FILE} there once both serve clients.
     */
    public static LocalStack start(Path dir, int partitions) {
        Path root = dir.toAbsolutePath();
        CompletableFuture<KafkaBroker> kafka =
                CompletableFuture.supplyAsync(
                        () -> KafkaBroker.start(root.resolve("kafka"), partitions, Topics.ALL));
        CompletableFuture<Postgres> postgres =
                CompletableFuture.supplyAsync(
                        () -> Postgres.start(root.resolve("postgres").resolve("data"), DATABASES));
        try {
            CompletableFuture.allOf(kafka, postgres).join();
        } catch (CompletionException e) {
            // Whichever did come up must not outlive the failed start.
            kafka.thenAccept(KafkaBroker::stop);
            postgres.thenAccept(Postgres::stop);
            kafka.exceptionally(x -> null).join();
            postgres.exceptionally(x -> null).join();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        LocalStack stack = new LocalStack(root, kafka.join(), postgres.join());
        try {
            stack.writeProperties();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** Starts a stack with {@link #DEFAULT_PARTITIONS} partitions per topic. */
    public static LocalStack start(Path dir) {
        return start(dir, DEFAULT_PARTITIONS);
    }

    /** The directory that holds the stack's data, logs and {@value #PROPERTIES_FILE}. */
    public Path dir() {
        return dir;
    }

    /** Where {@value #PROPERTIES_FILE} was written. */
    public Path propertiesFile() {
        return dir.resolve(PROPERTIES_FILE);
    }

    /** host:port for {@code kafka.bootstrap.servers}. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** JDBC URL of one of {@link #DATABASES}. */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** Vert.x reactive URL ({@code postgresql://host:port/db}) of one of {@link #DATABASES}. */
    public String reactiveUrl(String database) {
        return postgres.reactiveUrl(database);
    }

    /** Database user. */
    public String username() {
        return Postgres.USER;
    }

    /** Database password. */
    public String password() {
        return Postgres.PASSWORD;
    }

    /** The running Kafka broker. */
    public KafkaBroker kafka() {
        return kafka;
    }

    /** The running PostgreSQL server. */
    public Postgres postgres() {
        return postgres;
    }

    /** Stops the broker and PostgreSQL and waits for both to exit. */
    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            kafka.stop();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            postgres.stop();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void writeProperties() {
        Properties p = new Properties();
        p.setProperty("kafka.bootstrap.servers", bootstrapServers());
        p.setProperty("kafka.pid", String.valueOf(kafka.pid()));
        p.setProperty("kafka.log", kafka.logFile().toString());
        p.setProperty("postgres.port", String.valueOf(postgres.port()));
        p.setProperty("postgres.pid", String.valueOf(postgres.pid()));
        p.setProperty("db.username", username());
        p.setProperty("db.password", password());
        for (String database : DATABASES) {
            p.setProperty("db." + database + ".jdbc.url", jdbcUrl(database));
            p.setProperty("db." + database + ".reactive.url", reactiveUrl(database));
        }
        // Write then move, so a reader polling for the file never sees half of it.
        Path target = propertiesFile();
        Path temp = dir.resolve(PROPERTIES_FILE + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Drover local stack");
            }
            Files.move(
                    temp,
                    target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }
}
