package dev.drover.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drover.contract.Topics;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir Path dir;

    @Test
    void startedStackCarriesRecordsServesBothDatabasesAndLeavesNoBrokerBehind() throws Exception {
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(dir, 3);
        long pid;
        try {
            System.out.printf(
                    "local stack started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            pid = stack.kafka().pid();

            try (TopicProbe probe =
                    TopicProbe.fromEnd(stack.bootstrapServers(), Topics.JOB_EVENTS)) {
                TopicProbe.send(stack.bootstrapServers(), Topics.JOB_EVENTS, "job-1", "hello");
                var record =
                        probe.awaitRecord(r -> "job-1".equals(r.key()), Duration.ofSeconds(30));
                assertEquals("hello", record.value());
            }

            try (Admin admin =
                    Admin.create(
                            Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    stack.bootstrapServers()))) {
                Map<String, TopicDescription> topics =
                        admin.describeTopics(Topics.ALL).allTopicNames().get();
                assertEquals(Topics.ALL.size(), topics.size());
                topics.values().forEach(t -> assertEquals(3, t.partitions().size(), t.name()));
            }

            for (String database : LocalStack.DATABASES) {
                try (Connection c =
                                DriverManager.getConnection(
                                        stack.jdbcUrl(database),
                                        stack.username(),
                                        stack.password());
                        Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("select 1")) {
                    assertTrue(r.next());
                    assertEquals(1, r.getInt(1));
                }
            }

            Properties written = new Properties();
            try (Reader in = Files.newBufferedReader(stack.propertiesFile())) {
                written.load(in);
            }
            assertEquals(stack.bootstrapServers(), written.getProperty("kafka.bootstrap.servers"));
            assertEquals(
                    stack.reactiveUrl("drover_jobs"),
                    written.getProperty("db.drover_jobs.reactive.url"));
        } finally {
            stack.close();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
