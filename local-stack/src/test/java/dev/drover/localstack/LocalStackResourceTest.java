package dev.drover.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.drover.contract.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackResourceTest {

    @Test
    void everyResourceSharesOneStackAndNamesTheRequestedDatabase() throws Exception {
        LocalStackResource withDatabase = new LocalStackResource();
        withDatabase.init(Map.of(LocalStackResource.DATABASE_ARG, "drover_scheduler"));
        Map<String, String> config = withDatabase.start();
        LocalStackResource kafkaOnly = new LocalStackResource();
        kafkaOnly.init(Map.of());
        Map<String, String> kafkaConfig = kafkaOnly.start();

        LocalStack stack = LocalStackResource.stack();
        assertSame(stack, LocalStackResource.stack());
        assertEquals(Map.of("kafka.bootstrap.servers", stack.bootstrapServers()), kafkaConfig);
        assertEquals(stack.bootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals(stack.jdbcUrl("drover_scheduler"), config.get("quarkus.datasource.jdbc.url"));
        assertEquals(
                "postgresql://127.0.0.1:" + stack.postgres().port() + "/drover_scheduler",
                config.get("quarkus.datasource.reactive.url"));
        assertEquals("postgres", config.get("quarkus.datasource.username"));
        assertFalse(config.get("quarkus.datasource.password").isEmpty());

        String bootstrap = LocalStackResource.bootstrapServers();
        TopicProbe.send(bootstrap, Topics.TASK_READY, "job-7", "before");
        try (TopicProbe probe = TopicProbe.fromBeginning(bootstrap, Topics.TASK_READY)) {
            assertEquals(
                    "before",
                    probe.awaitRecord(r -> "job-7".equals(r.key()), Duration.ofSeconds(30))
                            .value());
            assertEquals(1, probe.records().size());
        }
    }
}
