package dev.drover.contract;

import java.util.List;

/**
 * Kafka topic names. Every record on every topic is keyed by its jobId (a submission by the
 * producer's own key), so that all events of one job stay in order on one partition.
 */
public final class Topics {

    /** SubmitJob documents from users' own producers, the same JSON as the REST body. */
    public static final String JOB_SUBMISSIONS = "drover.job.submissions";

    /** Job lifecycle: accepted, rejected, terminate and retry requests, state changes. */
    public static final String JOB_EVENTS = "drover.job.events";

    /** Released work: one task (or some of its instances) ready to run. */
    public static final String TASK_READY = "drover.task.ready";

    /** What happened to each instance attempt, reported by the provisioner. */
    public static final String INSTANCE_EVENTS = "drover.instance.events";

    /** Task state changes decided by the scheduler. */
    public static final String TASK_EVENTS = "drover.task.events";

    /** stdout and stderr chunks of running attempts. */
    public static final String LOGS = "drover.logs";

    /** Where the log collector archived a finished stream. */
    public static final String LOGS_ARCHIVED = "drover.logs.archived";

    /** All topics, for whoever creates them. */
    public static final List<String> ALL =
            List.of(
                    JOB_SUBMISSIONS,
                    JOB_EVENTS,
                    TASK_READY,
                    INSTANCE_EVENTS,
                    TASK_EVENTS,
                    LOGS,
                    LOGS_ARCHIVED);

    private Topics() {}
}
