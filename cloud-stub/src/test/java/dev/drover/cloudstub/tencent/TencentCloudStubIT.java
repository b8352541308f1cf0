package dev.drover.cloudstub.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.DescribeInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Filter;
import com.tencentcloudapi.cvm.v20170312.models.Instance;
import com.tencentcloudapi.cvm.v20170312.models.Placement;
import com.tencentcloudapi.cvm.v20170312.models.RunInstancesRequest;
import com.tencentcloudapi.cvm.v20170312.models.Tag;
import com.tencentcloudapi.cvm.v20170312.models.TagSpecification;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import com.tencentcloudapi.tat.v20201028.TatClient;
import com.tencentcloudapi.tat.v20201028.models.DescribeInvocationTasksRequest;
import com.tencentcloudapi.tat.v20201028.models.DescribeInvocationsRequest;
import com.tencentcloudapi.tat.v20201028.models.InvocationTask;
import com.tencentcloudapi.tat.v20201028.models.RunCommandRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stub through the official tencentcloud-sdk-java clients, as Drover's cvm backend uses it. */
class TencentCloudStubIT {

    private static final String ID = "AKIDdroverTest";
    private static final String KEY = "drover-test-secret";
    private static final String REGION = "ap-guangzhou";

    @TempDir static Path sandboxes;

    private static TencentCloudStub stub;
    private static CvmClient cvm;
    private static TatClient tat;

    @BeforeAll
    static void start() {
        stub = TencentCloudStub.start(sandboxes).addAccount(ID, KEY).privateTmp();
        cvm = new CvmClient(new Credential(ID, KEY), REGION, profile());
        tat = new TatClient(new Credential(ID, KEY), REGION, profile());
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @AfterEach
    void healthyCloud() throws Exception {
        stub.faults().clear();
        stub.clockOffset(Duration.ZERO);
        for (StubVm vm : stub.liveVms()) {
            if (!"TERMINATING".equals(vm.state())) {
                terminate(vm.instanceId());
            }
        }
    }

    @Test
    void theSameClientTokenNeverBuysASecondInstance() throws Exception {
        String[] first =
                cvm.RunInstances(runRequest("S5.MEDIUM2", "job-aaaa-t-0-1")).getInstanceIdSet();
        String[] again =
                cvm.RunInstances(runRequest("S5.MEDIUM2", "job-aaaa-t-0-1")).getInstanceIdSet();

        assertThat(again).containsExactly(first);
        assertThat(stub.calls("RunInstances")).isGreaterThanOrEqualTo(2);
        assertThat(stub.liveVms())
                .filteredOn(vm -> "job-token".equals(vm.tags().get("drover-job")))
                .extracting(StubVm::instanceId)
                .containsExactly(first);
        Instance[] tagged =
                cvm.DescribeInstances(byFilter("tag:drover-job", "job-token")).getInstanceSet();
        assertThat(tagged).extracting(Instance::getInstanceId).containsExactly(first);
        assertThat(tagged[0].getPlacement().getZone()).isEqualTo("ap-guangzhou-3");
    }

    @Test
    void anInstanceBootsThenRunsThenIsGoneAfterTerminate() throws Exception {
        stub.faults().bootTime(Duration.ofSeconds(2)).shutdownTime(Duration.ofMillis(500));
        String id = cvm.RunInstances(runRequest("S5.MEDIUM2", null)).getInstanceIdSet()[0];

        assertThat(state(id)).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(state(id)));
        terminate(id);
        assertThat(state(id)).isEqualTo("TERMINATING");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> cvm.DescribeInstances(byIds(id)).getTotalCount() == 0);
        assertThat(stub.liveVms()).isEmpty();
        assertThatThrownBy(() -> terminate(id))
                .isInstanceOfSatisfying(
                        TencentCloudSDKException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidInstanceId.NotFound"));
    }

    @Test
    void runCommandRunsTheScriptInTheInstanceAndReportsOutputAndExitCode() throws Exception {
        stub.faults().bootTime(Duration.ZERO);
        stub.vmEnvironment("COS_ENDPOINT", "127.0.0.1:9");
        String id = cvm.RunInstances(runRequest("S5.MEDIUM2", null)).getInstanceIdSet()[0];
        String script =
                "echo \"cos=$COS_ENDPOINT\"; echo oops >&2; pwd > where.txt\n"
                        + "head -c 30000 /dev/zero | tr '\\0' x; exit 3\n";

        RunCommandRequest run = new RunCommandRequest();
        run.setContent(Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)));
        run.setInstanceIds(new String[] {id});
        run.setCommandType("SHELL");
        run.setTimeout(60L);
        run.setWorkingDirectory("/root/work");
        String invocation = tat.RunCommand(run).getInvocationId();

        DescribeInvocationsRequest describe = new DescribeInvocationsRequest();
        describe.setInvocationIds(new String[] {invocation});
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                tat.DescribeInvocations(describe)
                                        .getInvocationSet()[0]
                                        .getInvocationStatus(),
                        "FAILED"::equals);
        InvocationTask task = task(invocation);
        assertThat(task.getTaskStatus()).isEqualTo("FAILED");
        assertThat(task.getTaskResult().getExitCode()).isEqualTo(3L);
        String output =
                new String(
                        Base64.getDecoder().decode(task.getTaskResult().getOutput()),
                        StandardCharsets.UTF_8);
        assertThat(output).startsWith("cos=127.0.0.1:9\noops\nxxx");
        assertThat(output).hasSize(TatTask.OUTPUT_LIMIT);
        assertThat(task.getTaskResult().getDropped())
                .isEqualTo(16L + 5 + 30000 - TatTask.OUTPUT_LIMIT);
        Path sandbox = stub.liveVms().get(0).sandbox();
        assertThat(sandbox.resolve("fs/root/work/where.txt"))
                .hasContent(sandbox.resolve("fs/root/work").toString());
    }

    @Test
    void eachInstanceWritesItsOwnTmpAsSeparateMachinesDo() throws Exception {
        stub.faults().bootTime(Duration.ZERO);
        String name = "drover-stub-" + UUID.randomUUID() + ".txt";
        String first = cvm.RunInstances(runRequest("S5.MEDIUM2", null)).getInstanceIdSet()[0];
        String second = cvm.RunInstances(runRequest("S5.MEDIUM2", null)).getInstanceIdSet()[0];
        // Both write the same path, then read it back once the other has written it too.
        String script = "echo \"$HOME\" > /tmp/" + name + "; sleep 1; cat /tmp/" + name + "\n";

        RunCommandRequest run = new RunCommandRequest();
        run.setContent(Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)));
        run.setInstanceIds(new String[] {first, second});
        run.setCommandType("SHELL");
        String invocation = tat.RunCommand(run).getInvocationId();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks(invocation).stream().allMatch(t -> t.getEndTime() != null));
        for (InvocationTask task : tasks(invocation)) {
            assertThat(task.getTaskStatus()).isEqualTo("SUCCESS");
            Path sandbox =
                    stub.liveVms().stream()
                            .filter(vm -> vm.instanceId().equals(task.getInstanceId()))
                            .findFirst()
                            .orElseThrow()
                            .sandbox();
            String output =
                    new String(
                            Base64.getDecoder().decode(task.getTaskResult().getOutput()),
                            StandardCharsets.UTF_8);
            assertThat(output).isEqualTo(sandbox + "\n");
            assertThat(sandbox.resolve("fs/tmp").resolve(name)).hasContent(sandbox.toString());
        }
        assertThat(Path.of("/tmp", name)).doesNotExist();
    }

    @Test
    void authenticationFailuresCarryTencentsCodes() {
        CvmClient wrongKey = new CvmClient(new Credential(ID, "not-the-key"), REGION, profile());
        CvmClient unknownId = new CvmClient(new Credential("AKIDnobody", KEY), REGION, profile());

        assertThat(code(() -> wrongKey.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("AuthFailure.SignatureFailure");
        assertThat(code(() -> unknownId.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("AuthFailure.SecretIdNotFound");
        stub.clockOffset(Duration.ofMinutes(6));
        assertThat(code(() -> cvm.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("AuthFailure.SignatureExpire");
    }

    @Test
    void injectedSoldOutQuotaAndThrottlingFailOnlyWhatTheyShould() throws Exception {
        stub.faults().soldOut("S5.LARGE8").quotaExceeded(1).throttleNext(2);

        assertThat(code(() -> cvm.DescribeInstances(new DescribeInstancesRequest())))
                .isEqualTo("RequestLimitExceeded");
        assertThat(code(() -> cvm.RunInstances(runRequest("S5.MEDIUM2", null))))
                .isEqualTo("RequestLimitExceeded");
        assertThat(code(() -> cvm.RunInstances(runRequest("S5.MEDIUM2", null))))
                .isEqualTo("LimitExceeded.InstanceQuota");
        assertThat(code(() -> cvm.RunInstances(runRequest("S5.LARGE8", null))))
                .isEqualTo("ResourceInsufficient.SpecifiedInstanceType");
        String id = cvm.RunInstances(runRequest("S5.MEDIUM2", null)).getInstanceIdSet()[0];
        assertThat(stub.liveVms())
                .filteredOn(vm -> !"TERMINATING".equals(vm.state()))
                .extracting(StubVm::instanceId)
                .containsExactly(id);
    }

    private interface SdkCall {
        Object call() throws TencentCloudSDKException;
    }

    private static String code(SdkCall call) {
        try {
            call.call();
        } catch (TencentCloudSDKException e) {
            assertThat(e.getRequestId()).isNotBlank();
            return e.getErrorCode();
        }
        throw new AssertionError("the call succeeded");
    }

    private static InvocationTask task(String invocation) throws TencentCloudSDKException {
        return tasks(invocation).get(0);
    }

    private static List<InvocationTask> tasks(String invocation) throws TencentCloudSDKException {
        com.tencentcloudapi.tat.v20201028.models.Filter filter =
                new com.tencentcloudapi.tat.v20201028.models.Filter();
        filter.setName("invocation-id");
        filter.setValues(new String[] {invocation});
        DescribeInvocationTasksRequest request = new DescribeInvocationTasksRequest();
        request.setFilters(new com.tencentcloudapi.tat.v20201028.models.Filter[] {filter});
        request.setHideOutput(false);
        return List.of(tat.DescribeInvocationTasks(request).getInvocationTaskSet());
    }

    private static String state(String id) throws TencentCloudSDKException {
        return cvm.DescribeInstances(byIds(id)).getInstanceSet()[0].getInstanceState();
    }

    private static void terminate(String id) throws TencentCloudSDKException {
        TerminateInstancesRequest request = new TerminateInstancesRequest();
        request.setInstanceIds(new String[] {id});
        cvm.TerminateInstances(request);
    }

    private static DescribeInstancesRequest byIds(String... ids) {
        DescribeInstancesRequest request = new DescribeInstancesRequest();
        request.setInstanceIds(ids);
        return request;
    }

    private static DescribeInstancesRequest byFilter(String name, String value) {
        Filter filter = new Filter();
        filter.setName(name);
        filter.setValues(new String[] {value});
        DescribeInstancesRequest request = new DescribeInstancesRequest();
        request.setFilters(new Filter[] {filter});
        return request;
    }

    private static RunInstancesRequest runRequest(String type, String clientToken) {
        RunInstancesRequest request = new RunInstancesRequest();
        request.setInstanceType(type);
        request.setImageId("img-drover1");
        Placement placement = new Placement();
        placement.setZone("ap-guangzhou-3");
        request.setPlacement(placement);
        request.setClientToken(clientToken);
        Tag tag = new Tag();
        tag.setKey("drover-job");
        tag.setValue(clientToken == null ? "job-other" : "job-token");
        TagSpecification spec = new TagSpecification();
        spec.setResourceType("instance");
        spec.setTags(new Tag[] {tag});
        request.setTagSpecification(new TagSpecification[] {spec});
        return request;
    }

    private static ClientProfile profile() {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(stub.endpoint());
        http.setProtocol(HttpProfile.REQ_HTTP);
        return new ClientProfile(ClientProfile.SIGN_TC3_256, http);
    }
}
