package dev.drover.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky's embedded binaries) on a loopback port. Its data directory is
 * kept between starts, so a stack restarted in the same directory keeps its rows.
 */
public final class Postgres implements AutoCloseable {

    /** Superuser that zonky's initdb creates; local connections are trusted. */
    public static final String USER = "postgres";

    /** Sent by clients that insist on one; trust authentication ignores it. */
    public static final String PASSWORD = "postgres";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final EmbeddedPostgres server;
    private final Path dataDir;

    private Postgres(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL with its data in {@code dataDir} and creates any missing databases. */
    public static Postgres start(Path dataDir, Collection<String> databases) {
        Path dir = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(dir.getParent());
            Path log = dir.resolveSibling("postgres.log");
            EmbeddedPostgres server =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dir)
                            .setCleanDataDirectory(false)
                            .setPort(FreePort.pick())
                            .setServerConfig("listen_addresses", "127.0.0.1")
                            .setPGStartupWait(Duration.ofSeconds(60))
                            // LocalStack's own hook stops it; two hooks would race.
                            .setRegisterShutdownHook(false)
                            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .start();
            Postgres postgres = new Postgres(server, dir);
            try {
                postgres.createMissing(databases);
            } catch (RuntimeException e) {
                postgres.stop();
                throw e;
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dir, e);
        }
    }

    /** Loopback TCP port the server listens on. */
    public int port() {
        return server.getPort();
    }

    /** JDBC URL of {@code database}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** URL in the form the Vert.x reactive client (quarkus.datasource.reactive.url) expects. */
    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Operating-system id of the postmaster, read from its pid file; -1 if not running. */
    public long pid() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return -1;
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
            return Long.parseLong(first);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Shuts PostgreSQL down and waits for it. */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void createMissing(Collection<String> databases) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            for (String database : databases) {
                if (!DATABASE_NAME.matcher(database).matches()) {
                    // CREATE DATABASE takes no bind parameters, so the name goes in verbatim.
                    throw new IllegalArgumentException("unsafe database name: " + database);
                }
                if (!exists(c, database)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + databases, e);
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, database);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
