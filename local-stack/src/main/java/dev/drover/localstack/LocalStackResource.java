package dev.drover.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource backed by one {@link LocalStack} per JVM, shared by every test class so the
 * broker and PostgreSQL start once. Init arg {@code database} (one of {@link LocalStack#DATABASES})
 * adds the datasource settings for that database.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg naming the database the service under test uses. */
    public static final String DATABASE_ARG = "database";

    private static LocalStack shared;

    private String database;

    /** The JVM's stack, started on first use and stopped when the JVM exits. */
    public static synchronized LocalStack stack() {
        if (shared == null) {
            try {
                shared = LocalStack.start(Files.createTempDirectory("drover-stack-"));
            } catch (IOException e) {
                throw new UncheckedIOException("no temp dir for the local stack", e);
            }
            LocalStack started = shared;
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        started.close();
                                        // Each test JVM's PostgreSQL cluster is tens of MB.
                                        deleteQuietly(started.dir());
                                    },
                                    "local-stack-stop"));
        }
        return shared;
    }

    /** Bootstrap servers of the JVM's stack, for tests' own producers and consumers. */
    public static String bootstrapServers() {
        return stack().bootstrapServers();
    }

    private static void deleteQuietly(Path dir) {
        try {
            KafkaBroker.deleteRecursively(dir);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
    }

    @Override
    public Map<String, String> start() {
        LocalStack stack = stack();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", stack.bootstrapServers());
        if (database != null) {
            config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(database));
            config.put("quarkus.datasource.reactive.url", stack.reactiveUrl(database));
            config.put("quarkus.datasource.username", stack.username());
            config.put("quarkus.datasource.password", stack.password());
        }
        return config;
    }

    @Override
    public void stop() {
        // Other test classes reuse the stack; the shutdown hook stops it with the JVM.
    }
}
