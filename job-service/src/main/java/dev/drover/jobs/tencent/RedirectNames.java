package dev.drover.jobs.tencent;

/**
 * The file name an instance's stream is archived under, as Tencent reports it: the task's template
 * with {@code ${BATCH_JOB_ID}}, {@code ${BATCH_TASK_NAME}} and {@code ${BATCH_TASK_INSTANCE_INDEX}}
 * replaced, or {@code <stream>.<JobId>.<TaskName>.<Index>.log}.
 */
record RedirectNames(String jobId, String taskName, int index) {

    String resolve(String template, String stream) {
        if (template == null || template.isEmpty()) {
            return stream + "." + jobId + "." + taskName + "." + index + ".log";
        }
        return template.replace("${BATCH_JOB_ID}", jobId)
                .replace("${BATCH_TASK_NAME}", taskName)
                .replace("${BATCH_TASK_INSTANCE_INDEX}", Integer.toString(index));
    }
}
