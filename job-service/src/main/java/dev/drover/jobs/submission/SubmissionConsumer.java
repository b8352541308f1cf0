package dev.drover.jobs.submission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.contract.Topics;
import dev.drover.contract.event.JobRejected;
import dev.drover.jobs.outbox.Outbox;
import dev.drover.jobs.outbox.OutboxRecord;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.Codes;
import dev.drover.jobs.readmodel.Retries;
import dev.drover.jobs.store.StoreException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The Kafka door: SubmitJob documents from users' producers on {@code drover.job.submissions}. A
 * valid one is stored exactly like a REST submission (its answer is the JobAccepted the outbox
 * publishes); an invalid one is answered with JobRejected keyed by the submission's own key,
 * carrying the same code and detail REST would answer. A submission that fails to store for a
 * reason no retry can fix is answered with a JobRejected at once, so its producer learns of it and
 * the submissions behind it are not held up.
 */
@ApplicationScoped
public class SubmissionConsumer {

    private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);

    private final JobSubmissions submissions;
    private final SubmitBodies bodies;
    private final Outbox outbox;

    public SubmissionConsumer(JobSubmissions submissions, SubmitBodies bodies, Outbox outbox) {
        this.submissions = submissions;
        this.bodies = bodies;
        this.outbox = outbox;
    }

    @Incoming("submissions")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String sourceRef =
                Topics.JOB_SUBMISSIONS + "/" + record.partition() + "/" + record.offset();
        LOG.debugf("submission in: key=%s ref=%s", record.key(), sourceRef);
        JsonNode body;
        try {
            byte[] bytes =
                    record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
            body = bodies.parse(bytes);
        } catch (ApiProblem problem) {
            String key = record.key();
            Retries.untilStored(
                    "rejection of submission " + sourceRef,
                    () -> reject(key, null, problem.code(), problem.detail(), problem.fields()));
            return;
        }
        Retries.untilStored(
                "submission " + sourceRef,
                () -> handle(record, body, sourceRef),
                failure -> unstorable(record.key(), body, sourceRef, failure));
    }

    /** The submission cannot be stored: a fault of ours, answered so it is not lost in silence. */
    private void unstorable(String key, JsonNode body, String sourceRef, RuntimeException failure) {
        String state =
                failure instanceof StoreException store && store.sqlState() != null
                        ? " (SQLSTATE " + store.sqlState() + ")"
                        : "";
        String detail =
                "job-service could not store this submission"
                        + state
                        + "; it was not accepted, and sending it again will fail the same way";
        Retries.untilStored(
                "rejection of submission " + sourceRef,
                () -> reject(key, clientToken(body), Codes.INTERNAL, detail, List.of()));
    }

    private void handle(ConsumerRecord<String, String> record, JsonNode body, String sourceRef) {
        SubmitOutcome outcome = submissions.submit(body, "kafka", sourceRef);
        if (outcome instanceof SubmitOutcome.Accepted accepted) {
            LOG.debugf("jobId=%s submission key=%s accepted", accepted.jobId(), record.key());
            return;
        }
        ApiProblem problem =
                outcome instanceof SubmitOutcome.TokenConflict conflict
                        ? SubmissionResource.tokenConflict(conflict)
                        : SubmissionResource.rejection(
                                ((SubmitOutcome.Rejected) outcome).invalid());
        reject(record.key(), clientToken(body), problem.code(), problem.detail(), problem.fields());
    }

    private void reject(
            String key, String clientToken, String code, String detail, List<String> fields) {
        LOG.warnf("submission key=%s rejected: %s %s", key, code, detail);
        JobRejected rejected = JobRejected.of(key, clientToken, code, detail, fields);
        outbox.publish(List.of(OutboxRecord.of(Topics.JOB_EVENTS, rejected)));
    }

    private static String clientToken(JsonNode body) {
        JsonNode token = body == null ? null : body.get("ClientToken");
        return token != null && token.isTextual() ? token.asText() : null;
    }
}
