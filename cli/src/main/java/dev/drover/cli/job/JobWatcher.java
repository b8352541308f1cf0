package dev.drover.cli.job;

import dev.drover.cli.api.ApiClient;
import java.time.Duration;
import java.time.Instant;

/** Polls a job until it finishes, showing its progress after every poll. */
public final class JobWatcher {

    private static final Duration POLL = Duration.ofMillis(500);

    private final ApiClient api;
    private final ProgressView view;

    public JobWatcher(ApiClient api, ProgressView view) {
        this.api = api;
        this.view = view;
    }

    /**
     * Waits until the job is SUCCEED or FAILED (or {@code timeout} passed); returns its last view.
     */
    public JobSnapshot await(String jobId, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (true) {
            JobSnapshot job = JobSnapshot.fetch(api, jobId);
            view.show(job, Duration.between(start, Instant.now()).toSeconds());
            if (job.isFinished() || Instant.now().isAfter(deadline)) {
                return job;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
        }
    }
}
