package dev.drover.scheduler.store;

import dev.drover.contract.event.Event;
import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.JobAccepted;
import dev.drover.contract.event.RetryJob;
import dev.drover.contract.event.TerminateJob;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The scheduler's transactional shell: one batch of inputs, one database transaction. When {@link
 * #handle} returns, the batch's state changes and the events they cause are committed together;
 * only then may the caller acknowledge the records. A failed transaction is rolled back and
 * retried, so nothing is acknowledged that was not committed.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final AgroalDataSource dataSource;
    private final DecisionLog log;

    Inbox(AgroalDataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.log = new DecisionLog(meters);
    }

    /** Whether the scheduler acts on an event at all (its own state changes come back too). */
    public static boolean isInput(Event event) {
        return event != null
                && event.jobId() != null
                && (event instanceof InstanceEvent
                        || event instanceof JobAccepted
                        || event instanceof TerminateJob
                        || event instanceof RetryJob);
    }

    /**
     * Handles the inputs in one transaction, retrying it until it commits (the database being down
     * delays the scheduler; it never drops an input).
     *
     * @return how many events the batch put into the outbox
     */
    public int handle(List<Event> inputs) throws InterruptedException {
        if (inputs.isEmpty()) {
            return 0;
        }
        long backoff = 50;
        while (true) {
            try {
                return handleOnce(inputs);
            } catch (SQLException | StoreException e) {
                LOG.warnf("batch of %d inputs rolled back (%s), retrying", inputs.size(), e);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    /** Runs one attempt of the batch's transaction; exposed for restart-safety tests. */
    public int handleOnce(List<Event> inputs) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                int published = new InboxBatch(db, log).handle(inputs);
                db.commit();
                return published;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }
}
