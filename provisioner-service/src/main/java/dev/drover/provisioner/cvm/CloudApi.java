package dev.drover.provisioner.cvm;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesResponse;
import com.tencentcloudapi.cvm.v20170312.models.Filter;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import com.tencentcloudapi.tat.v20201028.TatClient;
import com.tencentcloudapi.tat.v20201028.models.DescribeInvocationTasksRequest;
import com.tencentcloudapi.tat.v20201028.models.InvocationTask;
import com.tencentcloudapi.tat.v20201028.models.RunCommandRequest;
import dev.drover.store.cos.CosCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The CVM and TAT calls the backend makes, through tencentcloud-sdk-java. Every SDK error leaves
 * this class as a {@link CloudError}; throttling and network errors are retried here with growing
 * waits, so callers only see them once the tries are used up.
 */
public final class CloudApi {

    private static final Logger LOG = Logger.getLogger(CloudApi.class);
    private static final long PAGE = 100;

    private final CvmClient cvm;
    private final TatClient tat;
    private final int tries;
    private final Duration retryWait;

    public CloudApi(CvmConfig config, CosCredentials keys) {
        Credential credential = new Credential(keys.secretId(), keys.secretKey());
        this.cvm = new CvmClient(credential, config.region(), profile(config, "cvm"));
        this.tat = new TatClient(credential, config.region(), profile(config, "tat"));
        this.tries = Math.max(1, config.apiTries());
        this.retryWait = config.apiRetryWait();
    }

    private static ClientProfile profile(CvmConfig config, String product) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(config.endpoint().orElse(product + ".tencentcloudapi.com"));
        http.setProtocol(config.https() ? HttpProfile.REQ_HTTPS : HttpProfile.REQ_HTTP);
        return new ClientProfile(ClientProfile.SIGN_TC3_256, http);
    }

    /** RunInstances; the request's ClientToken makes a repeated call return the same instance. */
    public String runInstance(RunInstancesRequest request) throws CloudError, InterruptedException {
        String[] ids = call("RunInstances", () -> cvm.RunInstances(request).getInstanceIdSet());
        if (ids == null || ids.length != 1) {
            throw new CloudError("InternalError", true, "RunInstances returned no instance", null);
        }
        return ids[0];
    }

    /** The instance's state (PENDING, RUNNING, ...), or empty when it no longer exists. */
    public Optional<String> state(String instanceId) throws CloudError, InterruptedException {
        DescribeInstancesRequest request = new DescribeInstancesRequest();
        request.setInstanceIds(new String[] {instanceId});
        Instance[] set =
                call("DescribeInstances", () -> cvm.DescribeInstances(request)).getInstanceSet();
        return set == null || set.length == 0
                ? Optional.empty()
                : Optional.ofNullable(set[0].getInstanceState());
    }

    /** Every instance carrying the tag key, all pages. */
    public List<Instance> instancesTagged(String tagKey) throws CloudError, InterruptedException {
        List<Instance> all = new ArrayList<>();
        long offset = 0;
        while (true) {
            DescribeInstancesRequest request = new DescribeInstancesRequest();
            Filter filter = new Filter();
            filter.setName("tag-key");
            filter.setValues(new String[] {tagKey});
            request.setFilters(new Filter[] {filter});
            request.setOffset(offset);
            request.setLimit(PAGE);
            DescribeInstancesResponse page =
                    call("DescribeInstances", () -> cvm.DescribeInstances(request));
            Instance[] set =
                    page.getInstanceSet() == null ? new Instance[0] : page.getInstanceSet();
            all.addAll(List.of(set));
            offset += set.length;
            if (set.length == 0 || offset >= page.getTotalCount()) {
                return all;
            }
        }
    }

    /** TerminateInstances; an instance already gone counts as terminated. */
    public void terminate(String instanceId) throws CloudError, InterruptedException {
        TerminateInstancesRequest request = new TerminateInstancesRequest();
        request.setInstanceIds(new String[] {instanceId});
        try {
            call("TerminateInstances", () -> cvm.TerminateInstances(request));
        } catch (CloudError e) {
            if (!e.code().startsWith("InvalidInstanceId.NotFound")) {
                throw e;
            }
        }
    }

    /** RunCommand of a shell script on one instance; returns the invocation id. */
    public String runCommand(String instanceId, String script, long timeoutSeconds, String name)
            throws CloudError, InterruptedException {
        RunCommandRequest request = new RunCommandRequest();
        request.setInstanceIds(new String[] {instanceId});
        request.setContent(
                Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)));
        request.setCommandType("SHELL");
        request.setCommandName(name);
        request.setWorkingDirectory("/root");
        request.setTimeout(Math.max(1, Math.min(86_400, timeoutSeconds)));
        request.setSaveCommand(false);
        return call("RunCommand", () -> tat.RunCommand(request).getInvocationId());
    }

    /** The one task of an invocation, with its output, or empty while TAT has not made it. */
    public Optional<InvocationTask> invocationTask(String invocationId)
            throws CloudError, InterruptedException {
        DescribeInvocationTasksRequest request = new DescribeInvocationTasksRequest();
        com.tencentcloudapi.tat.v20201028.models.Filter filter =
                new com.tencentcloudapi.tat.v20201028.models.Filter();
        filter.setName("invocation-id");
        filter.setValues(new String[] {invocationId});
        request.setFilters(new com.tencentcloudapi.tat.v20201028.models.Filter[] {filter});
        request.setHideOutput(false);
        InvocationTask[] set =
                call("DescribeInvocationTasks", () -> tat.DescribeInvocationTasks(request))
                        .getInvocationTaskSet();
        return set == null || set.length == 0 ? Optional.empty() : Optional.of(set[0]);
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws TencentCloudSDKException;
    }

    private <T> T call(String action, Call<T> call) throws CloudError, InterruptedException {
        Duration wait = retryWait;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (TencentCloudSDKException e) {
                CloudError error = CloudError.translate(e.getErrorCode(), e.getMessage(), e);
                if (!error.isTransient() || attempt >= tries) {
                    throw error;
                }
                LOG.warnf("%s answered %s: retrying in %s", action, error.code(), wait);
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2);
            }
        }
    }
}
