package dev.drover.jobs.readmodel;

import org.jboss.logging.Logger;

/**
 * Retries a consumer's store work through a short database outage, so a record is acknowledged only
 * once its effect is stored. After the last try the record is skipped with an ERROR rather than
 * wedging the whole partition behind it.
 */
public final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);
    private static final int TRIES = 8;

    private Retries() {}

    /** Runs {@code work}, retrying with growing waits when it throws. */
    public static void untilStored(String what, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= TRIES) {
                    LOG.errorf(e, "%s could not be stored after %d tries; skipped", what, TRIES);
                    return;
                }
                LOG.warnf("%s failed (try %d of %d), retrying: %s", what, attempt, TRIES, e);
                pause(100L << attempt);
            }
        }
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
