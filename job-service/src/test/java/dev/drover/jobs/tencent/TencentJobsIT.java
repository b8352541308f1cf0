package dev.drover.jobs.tencent;

import static dev.drover.jobs.tencent.TencentAuthIT.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.batch.v20170312.BatchClient;
import com.tencentcloudapi.batch.v20170312.models.DescribeJobRequest;
import com.tencentcloudapi.batch.v20170312.models.DescribeJobResponse;
import com.tencentcloudapi.batch.v20170312.models.DescribeJobSubmitInfoRequest;
import com.tencentcloudapi.batch.v20170312.models.DescribeJobSubmitInfoResponse;
import com.tencentcloudapi.batch.v20170312.models.DescribeJobsRequest;
import com.tencentcloudapi.batch.v20170312.models.DescribeJobsResponse;
import com.tencentcloudapi.batch.v20170312.models.DescribeTaskRequest;
import com.tencentcloudapi.batch.v20170312.models.DescribeTaskResponse;
import com.tencentcloudapi.batch.v20170312.models.Filter;
import com.tencentcloudapi.batch.v20170312.models.JobView;
import com.tencentcloudapi.batch.v20170312.models.SubmitJobRequest;
import com.tencentcloudapi.batch.v20170312.models.Task;
import com.tencentcloudapi.batch.v20170312.models.TaskInstanceView;
import com.tencentcloudapi.batch.v20170312.models.TaskView;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Submission and the read actions, driven by the official SDK's BatchClient and models. */
@QuarkusTest
@TestProfile(TencentProfile.class)
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class TencentJobsIT {

    @TestHTTPResource("/")
    URL service;

    @Test
    void aDagBuiltFromSdkModelsIsSubmittedAndDescribed() throws Exception {
        BatchClient batch = Sdk.batch(service);
        String jobId =
                batch.SubmitJob(
                                Sdk.submit(
                                        "sdk-dag",
                                        new Task[] {
                                            Sdk.task("prepare", 1),
                                            Sdk.task("work", 3),
                                            Sdk.task("report", 1)
                                        },
                                        Sdk.edge("prepare", "work"),
                                        Sdk.edge("work", "report")))
                        .getJobId();
        assertThat(jobId).matches("job-[a-z0-9]{8}");

        DescribeJobResponse job = batch.DescribeJob(describe(jobId));
        assertThat(job.getJobId()).isEqualTo(jobId);
        assertThat(job.getJobName()).isEqualTo("sdk-dag");
        assertThat(job.getPriority()).isEqualTo(5L);
        assertThat(job.getJobState()).isEqualTo("SUBMITTED");
        assertThat(job.getCreateTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(job.getEndTime()).isNull();
        assertThat(Arrays.stream(job.getTaskSet()).map(TaskView::getTaskName))
                .containsExactly("prepare", "work", "report");
        assertThat(Arrays.stream(job.getTaskSet()).map(TaskView::getTaskState))
                .containsExactly("RUNNABLE", "PENDING", "PENDING");
        assertThat(job.getDependenceSet())
                .extracting(d -> d.getStartTask() + ">" + d.getEndTask())
                .containsExactly("prepare>work", "work>report");
        assertThat(job.getTaskMetrics().getRunnableCount()).isEqualTo(1L);
        assertThat(job.getTaskMetrics().getPendingCount()).isEqualTo(2L);
        long instances =
                job.getTaskInstanceMetrics().getRunnableCount()
                        + job.getTaskInstanceMetrics().getPendingCount()
                        + job.getTaskInstanceMetrics().getSubmittedCount();
        assertThat(instances).isEqualTo(5L);
        assertThat(job.getRequestId()).isNotBlank();

        DescribeTaskRequest taskRequest = new DescribeTaskRequest();
        taskRequest.setJobId(jobId);
        taskRequest.setTaskName("work");
        taskRequest.setOffset(1L);
        taskRequest.setLimit(5L);
        DescribeTaskResponse task = batch.DescribeTask(taskRequest);
        assertThat(task.getTaskName()).isEqualTo("work");
        assertThat(task.getTaskState()).isEqualTo("PENDING");
        assertThat(task.getTaskInstanceTotalCount()).isEqualTo(3L);
        assertThat(task.getTaskInstanceSet())
                .extracting(TaskInstanceView::getTaskInstanceIndex)
                .containsExactly(1L, 2L);
        assertThat(task.getTaskInstanceSet())
                .extracting(TaskInstanceView::getTaskInstanceState)
                .containsOnly("PENDING");

        DescribeJobSubmitInfoRequest infoRequest = new DescribeJobSubmitInfoRequest();
        infoRequest.setJobId(jobId);
        DescribeJobSubmitInfoResponse info = batch.DescribeJobSubmitInfo(infoRequest);
        assertThat(info.getJobName()).isEqualTo("sdk-dag");
        assertThat(info.getTasks()).extracting(Task::getTaskName).contains("work");
        assertThat(info.getTasks()[1].getTaskInstanceNum()).isEqualTo(3L);
        assertThat(info.getTasks()[1].getApplication().getCommand()).isEqualTo("true");
        assertThat(info.getDependences()).hasSize(2);
    }

    @Test
    void describeJobsPagesThroughAFilteredSetWithoutOverlap() throws Exception {
        BatchClient batch = Sdk.batch(service);
        String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(
                    batch.SubmitJob(Sdk.submit(name, new Task[] {Sdk.task("T", 1)})).getJobId());
        }
        DescribeJobsResponse first = batch.DescribeJobs(page(name, 0, 2));
        DescribeJobsResponse second = batch.DescribeJobs(page(name, 2, 2));
        assertThat(first.getTotalCount()).isEqualTo(3L);
        assertThat(second.getTotalCount()).isEqualTo(3L);
        assertThat(first.getJobSet()).hasSize(2);
        assertThat(second.getJobSet()).hasSize(1);
        List<String> seen = new ArrayList<>();
        for (JobView job : first.getJobSet()) {
            seen.add(job.getJobId());
        }
        seen.add(second.getJobSet()[0].getJobId());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(first.getJobSet()[0].getJobName()).isEqualTo(name);
        assertThat(first.getJobSet()[0].getTaskMetrics().getRunnableCount()).isEqualTo(1L);

        DescribeJobsRequest byIdAndState = page(name, 0, 20);
        byIdAndState.setFilters(
                new Filter[] {
                    filter("job-name", name),
                    filter("job-id", submitted.get(1)),
                    filter("job-state", "SUBMITTED", "RUNNING")
                });
        assertThat(batch.DescribeJobs(byIdAndState).getJobSet())
                .extracting(JobView::getJobId)
                .containsExactly(submitted.get(1));
    }

    @Test
    void describeJobsRefusesALimitOverOneHundredAndAnUnknownState() {
        BatchClient batch = Sdk.batch(service);
        DescribeJobsRequest tooMany = new DescribeJobsRequest();
        tooMany.setLimit(101L);
        assertThat(assertCode(() -> batch.DescribeJobs(tooMany), "InvalidParameterValue"))
                .hasMessageContaining("100");
        DescribeJobsRequest badState = new DescribeJobsRequest();
        badState.setFilters(new Filter[] {filter("job-state", "DONE")});
        assertCode(() -> batch.DescribeJobs(badState), "InvalidParameterValue");
    }

    @Test
    void aCycleIsRejectedWithTheRestApisCodeAndNothingIsStored() throws Exception {
        BatchClient batch = Sdk.batch(service);
        String name = "cycle-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(
                        assertCode(
                                () ->
                                        batch.SubmitJob(
                                                Sdk.submit(
                                                        name,
                                                        new Task[] {
                                                            Sdk.task("A", 1),
                                                            Sdk.task("B", 1),
                                                            Sdk.task("C", 1)
                                                        },
                                                        Sdk.edge("A", "B"),
                                                        Sdk.edge("B", "C"),
                                                        Sdk.edge("C", "B"))),
                                "InvalidParameterValue.DependenceUnfeasible"))
                .hasMessageContaining("B");
        assertThat(batch.DescribeJobs(page(name, 0, 20)).getTotalCount()).isZero();
    }

    /**
     * The SDK has fields Drover does not implement; sent, they are refused as the REST API refuses
     * them rather than silently dropped. A job without a name is described with the empty name.
     */
    @Test
    void anUnsupportedFieldIsUnknownParameterAndAnUnnamedJobHasTheEmptyName() throws Exception {
        BatchClient batch = Sdk.batch(service);
        Task restarting = Sdk.task("A", 1);
        restarting.setRestartComputeNode(true);
        assertThat(
                        assertCode(
                                () -> batch.SubmitJob(Sdk.submit("x", new Task[] {restarting})),
                                "UnknownParameter"))
                .hasMessageContaining("Job.Tasks[0].RestartComputeNode");

        SubmitJobRequest unnamed = Sdk.submit(null, new Task[] {Sdk.task("A", 1)});
        String jobId = batch.SubmitJob(unnamed).getJobId();
        assertThat(batch.DescribeJob(describe(jobId)).getJobName()).isEmpty();
    }

    @Test
    void anUnknownJobIsResourceNotFound() {
        assertCode(
                () -> Sdk.batch(service).DescribeJob(describe("job-zzzzzzzz")),
                "ResourceNotFound.Job");
        assertCode(
                () -> Sdk.batch(service).DescribeJob(new DescribeJobRequest()), "MissingParameter");
    }

    private static DescribeJobRequest describe(String jobId) {
        DescribeJobRequest request = new DescribeJobRequest();
        request.setJobId(jobId);
        return request;
    }

    private static DescribeJobsRequest page(String name, long offset, long limit) {
        DescribeJobsRequest request = new DescribeJobsRequest();
        request.setFilters(new Filter[] {filter("job-name", name)});
        request.setOffset(offset);
        request.setLimit(limit);
        return request;
    }

    private static Filter filter(String name, String... values) {
        Filter filter = new Filter();
        filter.setName(name);
        filter.setValues(values);
        return filter;
    }
}
