package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceEnded;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.LogChunk;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The acceptance cases of the local backend, against the real broker. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class LocalRunIT extends HarnessPerClass {

    private static final Duration SHORT = Duration.ofSeconds(30);

    @Test
    void binaryOutputIsStreamedByteExact() {
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), Harness.task("c16-bytes.json"));

        assertThat(harness.awaitFinal(job, "BIN", 0, 1, SHORT))
                .isInstanceOf(InstanceSucceeded.class);
        byte[] out = harness.awaitStream(job, "BIN", 0, 1, LogStream.STDOUT, SHORT);
        byte[] err = harness.awaitStream(job, "BIN", 0, 1, LogStream.STDERR, SHORT);
        assertThat(out).hasSize(17);
        assertThat(Harness.sha256(out))
                .isEqualTo("51fdedc17578bf051ba7e77b3083538812095db10e8214b1b4add43d292a5b5e");
        assertThat(HexFormat.of().formatHex(err)).isEqualTo("fe");
        LogChunk first = harness.chunks(job, "BIN", 0, 1, LogStream.STDOUT).get(0);
        assertThat(first.redirectPath()).isEqualTo("cos://test-bucket/c16/");
        assertThat(first.fileName()).isEqualTo("stdout." + job + ".BIN.0.log");
    }

    @Test
    void envVarsReachTheCommandUnexpanded() {
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), Harness.task("c19-quoting.json"));

        assertThat(harness.awaitFinal(job, "Q", 0, 1, SHORT)).isInstanceOf(InstanceSucceeded.class);
        byte[] out = harness.awaitStream(job, "Q", 0, 1, LogStream.STDOUT, SHORT);
        assertThat(out).hasSize(60);
        assertThat(Harness.sha256(out))
                .isEqualTo("e75640fd8338a638a5e5acaf3c7a01c942f3f6518c4769d06eaf1ad9bf735af8");
    }

    @Test
    void everyIndexRunsOnceAndARetryKeepsItsIndex() {
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0, 1, 2, 3), Harness.task("c20-retry.json"));

        for (int i = 0; i < 4; i++) {
            InstanceEvent end = harness.awaitFinal(job, "I", i, 1, SHORT);
            byte[] out = harness.awaitStream(job, "I", i, 1, LogStream.STDOUT, SHORT);
            assertThat(Harness.text(out)).isEqualTo("idx=" + i + "\n");
            if (i == 2) {
                assertThat(end).isInstanceOf(InstanceFailed.class);
                assertThat(((InstanceFailed) end).exitCode()).isEqualTo(3);
                assertThat(((InstanceFailed) end).kind()).isEqualTo(FailureKind.EXIT_CODE);
            } else {
                assertThat(end).isInstanceOf(InstanceSucceeded.class);
            }
        }
        Harness.release(job, 1, 2, List.of(2), Harness.task("c20-retry.json"));
        InstanceEvent retry = harness.awaitFinal(job, "I", 2, 2, SHORT);
        assertThat(((InstanceFailed) retry).exitCode()).isEqualTo(3);
        assertThat(Harness.text(harness.awaitStream(job, "I", 2, 2, LogStream.STDOUT, SHORT)))
                .isEqualTo("idx=2\n");
        assertThat(harness.events(job).stream().filter(e -> e instanceof InstanceStarting))
                .extracting(e -> e.instanceIndex() + "/" + e.attempt())
                .containsExactlyInAnyOrder("0/1", "1/1", "2/1", "3/1", "2/2");
    }

    @Test
    void eventsOfAnAttemptComeInLifecycleOrder() {
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), Harness.task("c20-index.json"));

        harness.awaitFinal(job, "I", 0, 1, SHORT);
        List<InstanceEvent> events = harness.events(job, "I", 0, 1);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("InstanceStarting", "InstanceRunning", "InstanceSucceeded");
        InstanceSucceeded end = (InstanceSucceeded) events.get(2);
        assertThat(end.startedAt()).isEqualTo(((InstanceRunning) events.get(1)).startedAt());
        assertThat(end.endedAt()).isAfterOrEqualTo(end.startedAt());
    }

    @Test
    void aDuplicateTaskReadyStartsTheAttemptOnce() {
        String job = Harness.newJobId();
        TaskSpec task = Harness.task("c20-index.json", t -> t.put("TaskName", "D"));
        var ready = Harness.release(job, 1, 1, List.of(0), task);
        Harness.send(dev.drover.contract.Topics.TASK_READY, ready);
        // Same job, so same partition: once this marker ran, the duplicate was consumed too.
        Harness.release(job, 1, 1, List.of(0), Harness.task("c20-index.json"));

        harness.awaitFinal(job, "I", 0, 1, SHORT);
        harness.awaitFinal(job, "D", 0, 1, SHORT);
        assertThat(harness.events(job, "D", 0, 1))
                .filteredOn(e -> e instanceof InstanceStarting)
                .hasSize(1);
    }

    @Test
    void timeoutKillsTheWholeProcessGroup() {
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0, 1), Harness.task("c13-timeout.json"));

        for (int i = 0; i < 2; i++) {
            InstanceEvent end = harness.awaitFinal(job, "S", i, 1, Duration.ofSeconds(40));
            assertThat(end).isInstanceOf(InstanceFailed.class);
            InstanceFailed failed = (InstanceFailed) end;
            assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(failed.reason()).contains("timeout");
            assertThat(failed.exitCode()).isIn(143, 137);
            assertThat(Duration.between(failed.startedAt(), failed.endedAt()))
                    .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(21));
            String out = Harness.text(harness.awaitStream(job, "S", i, 1, LogStream.STDOUT, SHORT));
            assertThat(out).contains("started-" + i).doesNotContain("finished-" + i);
        }
        await().atMost(SHORT).until(() -> Harness.processesRunning("sleep", "131").isEmpty());
        assertThat(Harness.processesOfJob(job)).isEmpty();
    }

    @Test
    void tenMebibyteLineStreamsWithASmallHeap() {
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), Harness.task("c17-longline.json"));

        assertThat(harness.awaitFinal(job, "LONG", 0, 1, Duration.ofSeconds(120)))
                .isInstanceOf(InstanceSucceeded.class);
        byte[] out = harness.awaitStream(job, "LONG", 0, 1, LogStream.STDOUT, SHORT);
        assertThat(out).hasSize(10_485_773);
        assertThat(Harness.sha256(out))
                .isEqualTo("2d0f07b37eb57884614df62b4f05f683e38a787a96e845f82f73c15e88d7cc34");
        assertThat(harness.chunks(job, "LONG", 0, 1, LogStream.STDOUT))
                .allSatisfy(c -> assertThat(c.data().length).isLessThanOrEqualTo(65_536));
    }

    @Test
    void commandLeadsItsOwnProcessGroup() throws Exception {
        String job = Harness.newJobId();
        TaskSpec task = running("cut -d' ' -f5 /proc/$$/stat");
        Harness.release(job, 1, 1, List.of(0), task);

        assertThat(harness.awaitFinal(job, "I", 0, 1, SHORT)).isInstanceOf(InstanceSucceeded.class);
        String pgid =
                Harness.text(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, SHORT)).trim();
        long ours = ProcessHandle.current().pid();
        String ownStat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String ourGroup = ownStat.substring(ownStat.lastIndexOf(')') + 2).split(" ")[2];
        assertThat(pgid).isNotEqualTo(ourGroup).isNotEqualTo(Long.toString(ours));
        assertThat(Long.parseLong(pgid)).isPositive();
    }

    @Test
    void emptyOutputWithARedirectPathStillEndsEachStream() {
        String job = Harness.newJobId();
        TaskSpec task = running("true");
        Harness.release(job, 1, 1, List.of(0), task);

        harness.awaitFinal(job, "I", 0, 1, SHORT);
        assertThat(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, SHORT)).isEmpty();
        assertThat(harness.chunks(job, "I", 0, 1, LogStream.STDERR))
                .singleElement()
                .satisfies(c -> assertThat(c.last()).isTrue());
        assertThat(((InstanceEnded) harness.awaitFinal(job, "I", 0, 1, SHORT)).emptyLogs())
                .isNull();
    }

    @Test
    void aStreamThatWroteNothingWithoutRedirectPathIsNamedInTheEndInsteadOfSent() {
        String job = Harness.newJobId();
        TaskSpec task = running("echo out", t -> t.remove("RedirectInfo"));
        Harness.release(job, 1, 1, List.of(0), task);

        InstanceEnded end = (InstanceEnded) harness.awaitFinal(job, "I", 0, 1, SHORT);
        assertThat(end).isInstanceOf(InstanceSucceeded.class);
        assertThat(end.emptyLogs()).containsExactly(LogStream.STDERR);
        assertThat(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, SHORT))
                .asString()
                .isEqualTo("out\n");
        // Instance 1 starts after instance 0's end, so its chunks follow anything instance 0 sent
        // in the job's partition: once they are seen, a stderr chunk of instance 0 would be too.
        Harness.release(job, 1, 1, List.of(1), task);
        harness.awaitStream(job, "I", 1, 1, LogStream.STDOUT, SHORT);
        assertThat(harness.chunks(job, "I", 0, 1, LogStream.STDERR)).isEmpty();
    }

    @Test
    void aCommandThatReadsStdinSeesItsEndAtOnce() {
        String job = Harness.newJobId();
        TaskSpec task = running("cat; echo read-done");
        Harness.release(job, 1, 1, List.of(0), task);

        // The fixture's Timeout is 60 s: a stdin left open would end the attempt TIMEOUT.
        assertThat(harness.awaitFinal(job, "I", 0, 1, SHORT)).isInstanceOf(InstanceSucceeded.class);
        assertThat(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, SHORT))
                .asString()
                .isEqualTo("read-done\n");
    }

    /** The c20 fixture (RedirectInfo to cos://test-bucket/c20/, Timeout 60 s) running a command. */
    private static TaskSpec running(String command) {
        return running(command, t -> {});
    }

    private static TaskSpec running(String command, Consumer<ObjectNode> edit) {
        return Harness.task(
                "c20-index.json",
                t -> {
                    ((ObjectNode) t.get("Application")).put("Command", command);
                    edit.accept(t);
                });
    }
}
