package dev.drover.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.event.Event;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRequeued;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.JobAccepted;
import dev.drover.contract.event.JobEvent;
import dev.drover.contract.event.JobRejected;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.LogChunk;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.LogsArchived;
import dev.drover.contract.event.RetryJob;
import dev.drover.contract.event.TaskReady;
import dev.drover.contract.event.TaskStateChanged;
import dev.drover.contract.event.TerminateJob;
import dev.drover.contract.spec.Application;
import dev.drover.contract.spec.DeliveryForm;
import dev.drover.contract.spec.DependOn;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.EnvVar;
import dev.drover.contract.spec.FailedAction;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.Placement;
import dev.drover.contract.spec.TaskSpec;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    static final TaskSpec TASK =
            new TaskSpec(
                    "数据 清洗 (v2)",
                    2,
                    new Application(DeliveryForm.LOCAL, "echo \"$V\"", null, null),
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(new EnvVar("V", "line1\nline2 `id` $HOME")),
                    List.of(),
                    FailedAction.TERMINATE,
                    1,
                    60,
                    null,
                    0);

    static final JobSpec JOB =
            new JobSpec(
                    "j",
                    null,
                    5,
                    List.of(),
                    List.of(),
                    DependOn.PRE_TASK_SUCCEED,
                    "FAILED",
                    List.of());

    static Stream<Object> jobEvents() {
        return Stream.of(
                JobAccepted.of(
                        "job-abcd1234",
                        0,
                        1,
                        1,
                        1,
                        JOB,
                        new Placement("ap-guangzhou-2", 0L),
                        List.of(TASK),
                        List.of(new Dependence("A", "B"))),
                JobRejected.of("k1", "tok", "MissingParameter", "Job.Tasks is missing", List.of()),
                TerminateJob.of("job-abcd1234", "terminated"),
                RetryJob.of("job-abcd1234"),
                JobStateChanged.of("job-abcd1234", State.RUNNING, State.FAILED, "D failed"));
    }

    static Stream<Object> instanceEvents() {
        Instant t = Instant.parse("2026-01-02T03:04:05.123456Z");
        return Stream.of(
                InstanceStarting.of("job-abcd1234", "T", 3, 2),
                InstanceRequeued.of(
                        "job-abcd1234", "T", 3, 2, "LimitExceeded.InstanceQuota: quota used up"),
                InstanceRunning.of("job-abcd1234", "T", 3, 2, t),
                InstanceSucceeded.of("job-abcd1234", "T", 3, 2, t, t.plusSeconds(1)),
                InstanceSucceeded.of("job-abcd1234", "T", 3, 2, t, t.plusSeconds(1))
                        .withEmptyLogs(List.of(LogStream.STDOUT, LogStream.STDERR)),
                InstanceFailed.of(
                        "job-abcd1234", "T", 3, 2, FailureKind.TIMEOUT, 143, "timeout", t, t),
                InstanceFailed.of("job-abcd1234", "T", 3, 2, FailureKind.EXIT_CODE, 1, "x", t, t)
                        .withEmptyLogs(List.of(LogStream.STDERR)));
    }

    @ParameterizedTest
    @MethodSource("jobEvents")
    void jobEventSurvivesTheWire(Object event) {
        JobEvent back = EventCodec.decode(EventCodec.encode(event), JobEvent.class);
        assertThat(back).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("instanceEvents")
    void instanceEventSurvivesTheWire(Object event) {
        InstanceEvent back = EventCodec.decode(EventCodec.encode(event), InstanceEvent.class);
        assertThat(back).isEqualTo(event);
    }

    @Test
    void taskEventsSurviveTheWire() {
        TaskReady ready = TaskReady.of("job-abcd1234", 1, List.of(0, 1), 7, null, null, TASK);
        assertThat(EventCodec.decode(EventCodec.encode(ready), TaskReady.class)).isEqualTo(ready);
        TaskReady onCvm =
                TaskReady.of(
                        "job-abcd1234",
                        2,
                        List.of(1),
                        7,
                        new Placement("ap-guangzhou-2", 0L),
                        "RUNNABLE",
                        TASK);
        assertThat(EventCodec.decode(EventCodec.encode(onCvm), TaskReady.class)).isEqualTo(onCvm);

        TaskStateChanged moved =
                TaskStateChanged.of("job-abcd1234", "T", State.PENDING, State.FAILED, "up");
        assertThat(EventCodec.decode(EventCodec.encode(moved), TaskStateChanged.class))
                .isEqualTo(moved);
    }

    @Test
    void logChunkKeepsEveryByte() {
        byte[] bytes = {0x68, (byte) 0x80, (byte) 0xff, 0x00, 0x0a, (byte) 0xfe};
        LogChunk chunk =
                LogChunk.of(
                        "job-abcd1234", "BIN", 0, 1, LogStream.STDOUT, 4, bytes, true, null, "f");
        LogChunk back = EventCodec.decode(EventCodec.encode(chunk), LogChunk.class);
        assertThat(back.data()).containsExactly(bytes);
        assertThat(back.seq()).isEqualTo(4);
        assertThat(back.last()).isTrue();
    }

    @Test
    void logsArchivedSurvivesTheWire() {
        LogsArchived archived =
                LogsArchived.of(
                        "job-abcd1234", "T", 0, 1, LogStream.STDERR, "file:///x", 17, "ab12");
        assertThat(EventCodec.decode(EventCodec.encode(archived), LogsArchived.class))
                .isEqualTo(archived);
    }

    @Test
    void anEndWithoutEmptyStreamsDoesNotNameTheField() {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        InstanceSucceeded plain = InstanceSucceeded.of("job-abcd1234", "T", 0, 1, t, t);

        assertThat(EventCodec.encode(plain)).doesNotContain("emptyLogs");
        assertThat(EventCodec.encode(plain.withEmptyLogs(List.of()))).doesNotContain("emptyLogs");
        assertThat(EventCodec.encode(plain.withEmptyLogs(List.of(LogStream.STDERR))))
                .contains("\"emptyLogs\":[\"STDERR\"]");
    }

    @Test
    void olderConsumerIgnoresFieldsANewerProducerAdded() {
        TaskStateChanged moved =
                TaskStateChanged.of("job-abcd1234", "T", State.RUNNING, State.SUCCEED, null);
        ObjectNode json = EventCodec.mapper().valueToTree(moved);
        json.put("addedInVersion2", "whatever");
        json.putObject("nested").put("x", 1);

        TaskStateChanged back = EventCodec.decode(json.toString(), TaskStateChanged.class);

        assertThat(back).isEqualTo(moved);
    }

    @Test
    void olderConsumerSkipsAnEventTypeItDoesNotKnow() {
        String json =
                "{\"type\":\"JobArchived\",\"eventId\":\"e\",\"jobId\":\"job-abcd1234\","
                        + "\"schemaVersion\":2}";
        assertThat(EventCodec.decode(json, JobEvent.class)).isNull();
        assertThat(EventCodec.decode(json, InstanceEvent.class)).isNull();
    }

    @Test
    void unknownEnumValueBecomesNullInsteadOfAPoisonRecord() {
        String json =
                "{\"type\":\"JobStateChanged\",\"eventId\":\"e\",\"jobId\":\"job-abcd1234\","
                        + "\"schemaVersion\":2,\"from\":\"RUNNING\",\"to\":\"PAUSED\"}";
        JobStateChanged back = (JobStateChanged) EventCodec.decode(json, JobEvent.class);
        assertThat(back.to()).isNull();
        assertThat(back.from()).isEqualTo(State.RUNNING);
    }

    @Test
    void everyEventIsKeyedByItsJobExceptARejectedSubmission() {
        Event accepted = TerminateJob.of("job-abcd1234", "x");
        assertThat(accepted.key()).isEqualTo("job-abcd1234");
        assertThat(JobRejected.of("sub-1", null, "c", "d", List.of()).key()).isEqualTo("sub-1");
    }

    @Test
    void malformedJsonIsReportedNotSwallowed() {
        assertThatThrownBy(() -> EventCodec.decode("{not json", TaskReady.class))
                .hasMessageContaining("TaskReady");
    }

    @Test
    void secretKeyNeverAppearsInToString() {
        var auth = new dev.drover.contract.spec.Authentication("COS", "id", "very-secret");
        assertThat(auth.toString()).doesNotContain("very-secret");
    }
}
