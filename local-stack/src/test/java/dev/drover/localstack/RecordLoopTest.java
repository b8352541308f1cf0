package dev.drover.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drover.contract.Topics;
import dev.drover.contract.kafka.RecordLoop;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consumer loop of the edge hops, against a real broker. */
class RecordLoopTest {

    @TempDir Path dir;

    @Test
    void aBatchWhoseHandlerFailedIsHandedOverAgainAndCommittedOnlyOnceHandled() throws Exception {
        try (LocalStack stack = LocalStack.start(dir, 1)) {
            String servers = stack.bootstrapServers();
            for (String value : List.of("a", "b", "c")) {
                TopicProbe.send(servers, Topics.TASK_READY, "job-1", value);
            }
            List<String> handled = new CopyOnWriteArrayList<>();
            CountDownLatch allHandled = new CountDownLatch(3);
            AtomicInteger calls = new AtomicInteger();
            Map<String, Object> config =
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            servers,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "record-loop-test");

            try (RecordLoop loop =
                    RecordLoop.start(
                            "record-loop-test",
                            config,
                            Topics.TASK_READY,
                            batch -> {
                                if (calls.incrementAndGet() == 1) {
                                    throw new IllegalStateException("store down");
                                }
                                batch.forEach(
                                        r -> {
                                            handled.add(r.value());
                                            allHandled.countDown();
                                        });
                            })) {
                assertTrue(allHandled.await(30, TimeUnit.SECONDS), "handled: " + handled);
            }

            assertEquals(List.of("a", "b", "c"), handled);
            TopicPartition partition = new TopicPartition(Topics.TASK_READY, 0);
            try (KafkaConsumer<String, String> group =
                    new KafkaConsumer<>(
                            config, new StringDeserializer(), new StringDeserializer())) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        group.committed(Set.of(partition));
                assertEquals(3, committed.get(partition).offset());
            }
        }
    }
}
