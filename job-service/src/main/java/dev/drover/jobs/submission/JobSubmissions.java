package dev.drover.jobs.submission;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.contract.EventCodec;
import dev.drover.jobs.outbox.Outbox;
import dev.drover.jobs.outbox.OutboxRecord;
import dev.drover.jobs.outbox.OutboxRelay;
import dev.drover.jobs.store.Database;
import dev.drover.jobs.store.StoreException;
import dev.drover.jobs.validation.JobValidator;
import dev.drover.jobs.validation.Validation;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Accepts SubmitJob documents, whichever door they come through (REST, Kafka, later Tencent's API):
 * validate the whole document, then store the job and the events its acceptance causes in one
 * transaction, then kick the outbox relay.
 *
 * <p>Idempotency: a ClientToken seen before with the same canonical document answers the job it
 * created; with a different document it is a conflict. A Kafka submission without a token is
 * recognised by its topic/partition/offset, so a redelivered record creates nothing new.
 */
@ApplicationScoped
public class JobSubmissions {

    private static final Logger LOG = Logger.getLogger(JobSubmissions.class);

    /** Attempts at drawing a free job id; a collision in 36^8 ids is already most unlikely. */
    private static final int ID_ATTEMPTS = 3;

    private final JobValidator validator;
    private final Database database;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final AcceptanceEvents events;
    private final JobWriter writer = new JobWriter();
    private final MeterRegistry metrics;

    public JobSubmissions(
            JobValidator validator,
            Database database,
            Outbox outbox,
            OutboxRelay relay,
            SubmissionConfig config,
            MeterRegistry metrics) {
        this.validator = validator;
        this.database = database;
        this.outbox = outbox;
        this.relay = relay;
        this.events = new AcceptanceEvents(config);
        this.metrics = metrics;
    }

    /** Judges {@code body} without storing or publishing anything. */
    public Validation validate(JsonNode body) {
        return validator.validate(body);
    }

    /**
     * Validates and, when valid, stores {@code body}.
     *
     * @param source "rest" or "kafka", for metrics
     * @param sourceRef what identifies a redelivery of the same submission, or null
     */
    public SubmitOutcome submit(JsonNode body, String source, String sourceRef) {
        long start = System.nanoTime();
        Validation validation = validator.validate(body);
        long validated = System.nanoTime();
        if (validation instanceof Validation.Invalid invalid) {
            metrics.counter("drover.jobs.rejected", "source", source).increment();
            return new SubmitOutcome.Rejected(invalid);
        }
        Validation.Valid valid = (Validation.Valid) validation;
        String hash = canonicalHash(valid);
        for (int attempt = 1; ; attempt++) {
            try {
                SubmitOutcome outcome =
                        database.inTransaction(c -> store(c, valid, hash, sourceRef));
                if (outcome instanceof SubmitOutcome.Accepted accepted && accepted.created()) {
                    relay.kick();
                    metrics.counter("drover.jobs.accepted", "source", source).increment();
                    LOG.infof(
                            "jobId=%s accepted: %d tasks, %d dependences, source=%s,"
                                    + " validated in %d ms, stored in %d ms",
                            accepted.jobId(),
                            valid.job().tasks().size(),
                            valid.job().dependences().size(),
                            source,
                            (validated - start) / 1_000_000,
                            (System.nanoTime() - validated) / 1_000_000);
                }
                return outcome;
            } catch (StoreException e) {
                // A concurrent twin won the token (answered on the next pass) or an id collided.
                if (!e.isUniqueViolation() || attempt >= ID_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private SubmitOutcome store(
            Connection connection, Validation.Valid valid, String hash, String sourceRef)
            throws SQLException {
        Optional<SubmitOutcome> earlier = earlierSubmission(connection, valid, hash, sourceRef);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long t0 = System.nanoTime();
        String jobId = JobIds.next();
        NewJob job =
                new NewJob(
                        jobId,
                        valid.job(),
                        valid.placement(),
                        valid.clientToken(),
                        sourceRef,
                        hash,
                        submittedDocument(valid),
                        Instant.now().truncatedTo(ChronoUnit.MICROS));
        long t1 = System.nanoTime();
        writer.insert(connection, job);
        long t2 = System.nanoTime();
        List<OutboxRecord> records = events.of(jobId, valid.job(), valid.placement());
        long t3 = System.nanoTime();
        outbox.append(connection, records);
        LOG.debugf(
                "jobId=%s store steps: document %d ms, rows %d ms, events %d ms, outbox %d ms",
                jobId,
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
        return new SubmitOutcome.Accepted(jobId, true);
    }

    private Optional<SubmitOutcome> earlierSubmission(
            Connection connection, Validation.Valid valid, String hash, String sourceRef)
            throws SQLException {
        if (valid.clientToken() != null) {
            Optional<JobWriter.Existing> byToken =
                    writer.findByClientToken(connection, valid.clientToken());
            if (byToken.isPresent()) {
                JobWriter.Existing existing = byToken.get();
                return Optional.of(
                        existing.requestHash().equals(hash)
                                ? new SubmitOutcome.Accepted(existing.jobId(), false)
                                : new SubmitOutcome.TokenConflict(
                                        valid.clientToken(), existing.jobId()));
            }
        }
        if (sourceRef != null) {
            return writer.findBySource(connection, sourceRef)
                    .map(existing -> new SubmitOutcome.Accepted(existing.jobId(), false));
        }
        return Optional.empty();
    }

    /** The document as DescribeJobSubmitInfo shows it: defaults filled in, secrets masked. */
    private static String submittedDocument(Validation.Valid valid) {
        ObjectMapper mapper = EventCodec.mapper();
        StringWriter document = new StringWriter();
        try (JsonGenerator out = Secrets.masking(mapper.createGenerator(document))) {
            out.writeStartObject();
            if (valid.placement() != null) {
                out.writeFieldName("Placement");
                mapper.writeValue(out, valid.placement());
            }
            out.writeFieldName("Job");
            mapper.writeValue(out, valid.job());
            if (valid.clientToken() != null) {
                out.writeStringField("ClientToken", valid.clientToken());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the job document", e);
        }
        return document.toString();
    }

    /**
     * SHA-256 of the validated document (job with defaults, placement): two bodies that differ only
     * in formatting, field order or spelled-out defaults are the same submission.
     */
    private static String canonicalHash(Validation.Valid valid) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        // Streamed into the digest: a 10,000-task job need not exist as one string.
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            EventCodec.encodeTo(out, valid.job());
            out.write('\n');
            EventCodec.encodeTo(out, valid.placement());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the job", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
