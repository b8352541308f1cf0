package dev.drover.jobs.tencent;

import static dev.drover.jobs.tencent.TencentAuthIT.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloudapi.batch.v20170312.BatchClient;
import com.tencentcloudapi.batch.v20170312.models.DeleteJobRequest;
import com.tencentcloudapi.batch.v20170312.models.DescribeJobRequest;
import com.tencentcloudapi.batch.v20170312.models.DescribeJobResponse;
import com.tencentcloudapi.batch.v20170312.models.DescribeTaskLogsRequest;
import com.tencentcloudapi.batch.v20170312.models.DescribeTaskLogsResponse;
import com.tencentcloudapi.batch.v20170312.models.DescribeTaskRequest;
import com.tencentcloudapi.batch.v20170312.models.RetryJobsRequest;
import com.tencentcloudapi.batch.v20170312.models.Task;
import com.tencentcloudapi.batch.v20170312.models.TaskInstanceLog;
import com.tencentcloudapi.batch.v20170312.models.TaskInstanceView;
import com.tencentcloudapi.batch.v20170312.models.TerminateJobRequest;
import dev.drover.contract.State;
import dev.drover.contract.Topics;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.JobStateChanged;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.LogsArchived;
import dev.drover.contract.event.TaskStateChanged;
import dev.drover.contract.storage.RemotePath;
import dev.drover.jobs.support.Events;
import dev.drover.localstack.LocalStackResource;
import dev.drover.localstack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A job's life as the SDK sees it. The scheduler, provisioner and log collector do not run in
 * job-service's tests, so their events are published on the real broker as they would publish them.
 */
@QuarkusTest
@TestProfile(TencentProfile.class)
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class TencentLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL service;

    @Test
    void aJobFollowsItsEventsToSucceedAndServesCappedBase64Logs() throws Exception {
        BatchClient batch = Sdk.batch(service);
        String jobId =
                batch.SubmitJob(Sdk.submit("sdk-life", new Task[] {Sdk.task("T", 2)})).getJobId();
        Instant started = Instant.now();
        Instant ended = started.plusSeconds(2);
        for (int index = 0; index < 2; index++) {
            Events.send(Topics.INSTANCE_EVENTS, InstanceRunning.of(jobId, "T", index, 1, started));
            Events.send(
                    Topics.INSTANCE_EVENTS,
                    InstanceSucceeded.of(jobId, "T", index, 1, started, ended));
        }
        Events.send(
                Topics.TASK_EVENTS,
                TaskStateChanged.of(jobId, "T", State.RUNNABLE, State.RUNNING, null));
        Events.send(
                Topics.TASK_EVENTS,
                TaskStateChanged.of(jobId, "T", State.RUNNING, State.SUCCEED, null));
        Events.send(
                Topics.JOB_EVENTS, JobStateChanged.of(jobId, State.SUBMITTED, State.RUNNING, null));
        Events.send(
                Topics.JOB_EVENTS, JobStateChanged.of(jobId, State.RUNNING, State.SUCCEED, null));
        byte[] stdout = longLog();
        archive(jobId, 0, LogStream.STDOUT, stdout);
        archive(jobId, 1, LogStream.STDERR, "boom\n".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            DescribeJobResponse job = batch.DescribeJob(describe(jobId));
                            assertThat(job.getJobState()).isEqualTo("SUCCEED");
                            assertThat(job.getEndTime()).isNotNull();
                            assertThat(job.getTaskSet()[0].getTaskState()).isEqualTo("SUCCEED");
                            assertThat(job.getTaskInstanceMetrics().getSucceedCount())
                                    .isEqualTo(2L);
                        });
        DescribeTaskRequest taskRequest = new DescribeTaskRequest();
        taskRequest.setJobId(jobId);
        taskRequest.setTaskName("T");
        TaskInstanceView first = batch.DescribeTask(taskRequest).getTaskInstanceSet()[0];
        assertThat(first.getTaskInstanceState()).isEqualTo("SUCCEED");
        assertThat(first.getRunningTime()).isEqualTo(Renderings.time(started));
        assertThat(first.getEndTime()).isEqualTo(Renderings.time(ended));

        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            TaskInstanceLog[] logs =
                                    batch.DescribeTaskLogs(logs(jobId)).getTaskInstanceLogSet();
                            assertThat(logs[0].getStdoutLog()).isNotNull();
                            assertThat(logs[1].getStderrLog()).isNotNull();
                        });
        DescribeTaskLogsResponse logs = batch.DescribeTaskLogs(logs(jobId));
        assertThat(logs.getTotalCount()).isEqualTo(2L);
        TaskInstanceLog zero = logs.getTaskInstanceLogSet()[0];
        assertThat(zero.getTaskInstanceIndex()).isZero();
        assertThat(Base64.getDecoder().decode(zero.getStdoutLog()))
                .containsExactly(Arrays.copyOfRange(stdout, stdout.length - 2048, stdout.length));
        assertThat(zero.getStderrLog()).isNull();
        assertThat(zero.getStdoutRedirectPath()).isEqualTo("cos://test-bucket/tencent/");
        assertThat(zero.getStdoutRedirectFileName()).isEqualTo("stdout." + jobId + ".T.0.log");
        TaskInstanceLog one = logs.getTaskInstanceLogSet()[1];
        assertThat(
                        new String(
                                Base64.getDecoder().decode(one.getStderrLog()),
                                StandardCharsets.UTF_8))
                .isEqualTo("boom\n");
        assertThat(one.getStdoutLog()).isNull();

        DescribeTaskLogsRequest onlyOne = logs(jobId);
        onlyOne.setTaskInstanceIndexes(new Long[] {1L});
        assertThat(batch.DescribeTaskLogs(onlyOne).getTaskInstanceLogSet())
                .extracting(TaskInstanceLog::getTaskInstanceIndex)
                .containsExactly(1L);

        DeleteJobRequest delete = new DeleteJobRequest();
        delete.setJobId(jobId);
        batch.DeleteJob(delete);
        assertCode(() -> batch.DescribeJob(describe(jobId)), "ResourceNotFound.Job");
    }

    @Test
    void terminateAndRetryGoThroughTheSameGuardsAsTheRestApi() throws Exception {
        BatchClient batch = Sdk.batch(service);
        try (TopicProbe jobEvents = Events.probe(Topics.JOB_EVENTS)) {
            String jobId =
                    batch.SubmitJob(Sdk.submit("sdk-stop", new Task[] {Sdk.task("T", 1)}))
                            .getJobId();
            assertThat(assertCode(() -> batch.RetryJobs(retry(jobId)), "UnsupportedOperation"))
                    .hasMessageContaining("only a FAILED job can be retried");

            TerminateJobRequest terminate = new TerminateJobRequest();
            terminate.setJobId(jobId);
            assertThat(batch.TerminateJob(terminate).getRequestId()).isNotBlank();
            jobEvents.awaitRecord(
                    r -> jobId.equals(r.key()) && r.value().contains("TerminateJob"), WAIT);

            Events.send(
                    Topics.JOB_EVENTS,
                    JobStateChanged.of(jobId, State.SUBMITTED, State.FAILED, "terminated"));
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> {
                                DescribeJobResponse job = batch.DescribeJob(describe(jobId));
                                assertThat(job.getJobState()).isEqualTo("FAILED");
                                assertThat(job.getStateReason()).isEqualTo("terminated");
                            });
            DeleteJobRequest delete = new DeleteJobRequest();
            delete.setJobId(jobId);
            assertCode(() -> batch.DeleteJob(delete), "ResourceInUse.Job");

            assertCode(() -> batch.RetryJobs(retry(jobId, "job-zzzzzzzz")), "ResourceNotFound.Job");
            batch.RetryJobs(retry(jobId));
            jobEvents.awaitRecord(
                    r -> jobId.equals(r.key()) && r.value().contains("RetryJob"), WAIT);
        }
    }

    private static void archive(String jobId, int index, LogStream stream, byte[] bytes)
            throws Exception {
        Path file =
                Files.createTempDirectory("drover-tencent")
                        .resolve(stream.label() + "." + jobId + ".T." + index + ".log");
        Files.write(file, bytes);
        Events.send(
                Topics.LOGS_ARCHIVED,
                LogsArchived.of(
                        jobId,
                        "T",
                        index,
                        1,
                        stream,
                        RemotePath.fileUriPath(file),
                        bytes.length,
                        "unchecked"));
    }

    /** 3,000 bytes, distinct enough that a wrong cut would show. */
    private static byte[] longLog() {
        StringBuilder text = new StringBuilder();
        for (int line = 0; text.length() < 3000; line++) {
            text.append("line ").append(line).append('\n');
        }
        return text.substring(0, 3000).getBytes(StandardCharsets.UTF_8);
    }

    private static DescribeJobRequest describe(String jobId) {
        DescribeJobRequest request = new DescribeJobRequest();
        request.setJobId(jobId);
        return request;
    }

    private static DescribeTaskLogsRequest logs(String jobId) {
        DescribeTaskLogsRequest request = new DescribeTaskLogsRequest();
        request.setJobId(jobId);
        request.setTaskName("T");
        return request;
    }

    private static RetryJobsRequest retry(String... jobIds) {
        RetryJobsRequest request = new RetryJobsRequest();
        request.setJobIds(jobIds);
        return request;
    }
}
