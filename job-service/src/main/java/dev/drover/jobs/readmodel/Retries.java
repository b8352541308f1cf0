package dev.drover.jobs.readmodel;

import dev.drover.jobs.store.StoreException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Retries a consumer's store work through a short database outage, so a record is acknowledged only
 * once its effect is stored. Only a transient failure ({@link StoreException#isTransient()}) is
 * retried: any other fails the same way on every try, and retrying it would only hold up the
 * records behind it. After the last try of a transient failure the record is skipped with an ERROR
 * rather than wedging the whole partition behind it.
 */
public final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);
    private static final int TRIES = 8;

    private Retries() {}

    /** Runs {@code work}, retrying transient failures with growing waits; skips on any other. */
    public static void untilStored(String what, Runnable work) {
        untilStored(what, work, failure -> {});
    }

    /**
     * Runs {@code work}, retrying transient failures with growing waits.
     *
     * @param permanent called at once with a failure no retry can fix, after it is logged
     */
    public static void untilStored(
            String what, Runnable work, Consumer<RuntimeException> permanent) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    LOG.errorf(e, "%s failed and no retry can fix it; not retried", what);
                    permanent.accept(e);
                    return;
                }
                if (attempt >= TRIES) {
                    LOG.errorf(e, "%s could not be stored after %d tries; skipped", what, TRIES);
                    return;
                }
                LOG.warnf("%s failed (try %d of %d), retrying: %s", what, attempt, TRIES, e);
                pause(100L << attempt);
            }
        }
    }

    static boolean isTransient(RuntimeException failure) {
        return failure instanceof StoreException store && store.isTransient();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
