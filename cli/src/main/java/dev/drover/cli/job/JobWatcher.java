package dev.drover.cli.job;

import dev.drover.cli.api.ApiClient;
import dev.drover.cli.api.NotRunning;
import java.time.Duration;
import java.time.Instant;

/** Polls a job until it finishes, showing its progress after every poll. */
public final class JobWatcher {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SETTLE_POLL = Duration.ofMillis(100);
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(5);

    /** How long the API may be gone (job-service restarted by the supervisor) before giving up. */
    private static final Duration UNREACHABLE_AT_MOST = Duration.ofSeconds(90);

    private final ApiClient api;
    private final ProgressView view;

    public JobWatcher(ApiClient api, ProgressView view) {
        this.api = api;
        this.view = view;
    }

    /**
     * Waits until the job is SUCCEED or FAILED (or {@code timeout} passed); returns its last view.
     * Once the job reads finished, waits a little more for its tasks to read so too, so that the
     * last view shown is the job's end.
     */
    public JobSnapshot await(String jobId, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        Instant settleBy = null;
        Instant unreachableSince = null;
        while (true) {
            JobSnapshot job;
            try {
                job = JobSnapshot.fetch(api, jobId);
                unreachableSince = null;
            } catch (NotRunning e) {
                // The job goes on without job-service; only the view waits for it to come back.
                Instant now = Instant.now();
                unreachableSince = unreachableSince == null ? now : unreachableSince;
                if (now.isAfter(unreachableSince.plus(UNREACHABLE_AT_MOST))
                        || now.isAfter(deadline)) {
                    throw e;
                }
                if (!pause(POLL)) {
                    throw e;
                }
                continue;
            }
            if (job.isFinished() && settleBy == null) {
                settleBy = Instant.now().plus(SETTLE_AT_MOST);
            }
            boolean done =
                    job.isSettled()
                            || (settleBy != null && Instant.now().isAfter(settleBy))
                            || Instant.now().isAfter(deadline);
            if (done || !job.isFinished()) {
                view.show(job, Duration.between(start, Instant.now()).toSeconds());
            }
            if (done) {
                return job;
            }
            if (!pause(settleBy == null ? POLL : SETTLE_POLL)) {
                return job;
            }
        }
    }

    /** Sleeps; false if interrupted. */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
