package dev.drover.jobs.tencent;

import com.tencentcloudapi.batch.v20170312.BatchClient;
import com.tencentcloudapi.batch.v20170312.models.Application;
import com.tencentcloudapi.batch.v20170312.models.Dependence;
import com.tencentcloudapi.batch.v20170312.models.Job;
import com.tencentcloudapi.batch.v20170312.models.RedirectInfo;
import com.tencentcloudapi.batch.v20170312.models.SubmitJobRequest;
import com.tencentcloudapi.batch.v20170312.models.Task;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import java.net.URL;

/** The official SDK's clients pointed at the test's job-service, as a user would point them. */
final class Sdk {

    static final String REGION = "ap-guangzhou";

    private Sdk() {}

    static BatchClient batch(URL service) {
        return batch(service, TencentProfile.SECRET_ID, TencentProfile.SECRET_KEY);
    }

    static BatchClient batch(URL service, String secretId, String secretKey) {
        return new BatchClient(new Credential(secretId, secretKey), REGION, profile(service));
    }

    /** A generic client, for calls the typed BatchClient cannot make. */
    static CommonClient common(URL service, String version) {
        return new CommonClient(
                "batch",
                version,
                new Credential(TencentProfile.SECRET_ID, TencentProfile.SECRET_KEY),
                REGION,
                profile(service));
    }

    private static ClientProfile profile(URL service) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + service.getPort());
        http.setProtocol("http://");
        return new ClientProfile(ClientProfile.SIGN_TC3_256, http);
    }

    /** A task from the SDK's own models, running {@code true}. */
    static Task task(String name, long instances) {
        Application application = new Application();
        application.setDeliveryForm("LOCAL");
        application.setCommand("true");
        RedirectInfo redirect = new RedirectInfo();
        redirect.setStdoutRedirectPath("cos://test-bucket/tencent/");
        redirect.setStderrRedirectPath("cos://test-bucket/tencent/");
        Task task = new Task();
        task.setTaskName(name);
        task.setTaskInstanceNum(instances);
        task.setApplication(application);
        task.setRedirectInfo(redirect);
        task.setMaxRetryCount(1L);
        task.setTimeout(600L);
        return task;
    }

    static Dependence edge(String start, String end) {
        Dependence dependence = new Dependence();
        dependence.setStartTask(start);
        dependence.setEndTask(end);
        return dependence;
    }

    static SubmitJobRequest submit(String name, Task[] tasks, Dependence... edges) {
        Job job = new Job();
        job.setJobName(name);
        job.setPriority(5L);
        job.setTasks(tasks);
        job.setDependences(edges);
        SubmitJobRequest request = new SubmitJobRequest();
        request.setJob(job);
        return request;
    }
}
