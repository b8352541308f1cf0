package dev.drover.jobs.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.contract.EventCodec;
import dev.drover.contract.Topics;
import dev.drover.contract.event.TaskReady;
import dev.drover.jobs.outbox.OutboxRecord;
import dev.drover.jobs.validation.JobValidator;
import dev.drover.jobs.validation.Validation;
import dev.drover.jobs.validation.ValidationLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every record an accepted job causes fits in one Kafka record (1 MiB), however large the job. */
class AcceptanceEventsTest {

    private static final int KAFKA_RECORD_LIMIT = 1024 * 1024;
    private static final int TASKS = 50;

    private final SubmissionConfig defaults =
            new SubmissionConfig() {
                @Override
                public int maxRequestBytes() {
                    return 16_777_216;
                }

                @Override
                public int acceptedPartTasks() {
                    return 500;
                }

                @Override
                public int acceptedPartEdges() {
                    return 1000;
                }

                @Override
                public int acceptedPartBytes() {
                    return 400_000;
                }
            };

    @Test
    void maxSizeTasksAndLongNamedEdgesNeverMakeARecordOverOneMebibyte() {
        Validation outcome = new JobValidator(ValidationLimits.defaults()).validate(heaviestJob());
        assertThat(outcome).isInstanceOf(Validation.Valid.class);
        Validation.Valid valid = (Validation.Valid) outcome;

        List<OutboxRecord> records =
                new AcceptanceEvents(defaults).of("job-0000big1", valid.job(), null);

        assertThat(records.stream().filter(r -> r.topic().equals(Topics.JOB_EVENTS)))
                .hasSizeGreaterThan(TASKS / 2);
        assertThat(records.stream().filter(r -> r.topic().equals(Topics.TASK_READY))).hasSize(1);
        for (OutboxRecord record : records) {
            int bytes =
                    record.payload().getBytes(StandardCharsets.UTF_8).length
                            + record.key().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as("record of %s", record.topic()).isLessThan(KAFKA_RECORD_LIMIT);
        }
    }

    @Test
    void rootTaskReadyCarriesTheJobsStateIfCreateCvmFailed() {
        for (String given : new String[] {"RUNNABLE", "FAILED", null}) {
            ObjectNode body = new ObjectMapper().createObjectNode();
            ObjectNode job = body.putObject("Job");
            ObjectNode app = job.putArray("Tasks").addObject().put("TaskName", "A");
            app.putObject("Application").put("DeliveryForm", "LOCAL").put("Command", "true");
            if (given != null) {
                job.put("StateIfCreateCvmFailed", given);
            }
            Validation.Valid valid =
                    (Validation.Valid) new JobValidator(ValidationLimits.defaults()).validate(body);

            List<TaskReady> ready =
                    new AcceptanceEvents(defaults)
                            .of("job-0000cvm1", valid.job(), null).stream()
                                    .filter(r -> r.topic().equals(Topics.TASK_READY))
                                    .map(r -> EventCodec.decode(r.payload(), TaskReady.class))
                                    .toList();

            assertThat(ready)
                    .singleElement()
                    .extracting(TaskReady::stateIfCreateCvmFailed)
                    .isEqualTo(given == null ? "FAILED" : given);
        }
    }

    /**
     * Tasks just under max-task-spec-bytes made of 3-byte characters (so characters and bytes
     * differ threefold), names of 60 four-byte characters, and every edge of a chain-closed DAG.
     */
    private static ObjectNode heaviestJob() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode body = mapper.createObjectNode();
        ObjectNode job = body.putObject("Job");
        job.put("JobName", "heaviest");
        ArrayNode tasks = job.putArray("Tasks");
        for (int t = 0; t < TASKS; t++) {
            ObjectNode task = tasks.addObject();
            task.put("TaskName", name(t));
            ObjectNode app = task.putObject("Application");
            app.put("DeliveryForm", "LOCAL");
            app.put("Command", "true");
            ArrayNode vars = task.putArray("EnvVars");
            for (int v = 0; v < 4; v++) {
                vars.addObject().put("Name", "V" + v).put("Value", "数".repeat(43_000));
            }
        }
        ArrayNode edges = job.putArray("Dependences");
        for (int from = 0; from < TASKS; from++) {
            for (int to = from + 1; to < TASKS; to++) {
                edges.addObject().put("StartTask", name(from)).put("EndTask", name(to));
            }
        }
        return body;
    }

    private static String name(int index) {
        return String.format("%02d", index) + "\uD83D\uDE00".repeat(58);
    }
}
