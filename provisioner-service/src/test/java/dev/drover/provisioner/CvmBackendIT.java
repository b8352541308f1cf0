package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.cvm.v20170312.models.TerminateInstancesRequest;
import dev.drover.cloudstub.tencent.Faults;
import dev.drover.cloudstub.tencent.StubVm;
import dev.drover.cloudstub.tencent.TencentCloudStub;
import dev.drover.contract.Topics;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.event.InstanceFailed;
import dev.drover.contract.event.InstanceRequeued;
import dev.drover.contract.event.InstanceStarting;
import dev.drover.contract.event.InstanceSucceeded;
import dev.drover.contract.event.LogStream;
import dev.drover.contract.event.TerminateJob;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.localstack.LocalStackResource;
import dev.drover.provisioner.attempt.AttemptId;
import dev.drover.provisioner.cvm.Reconciler;
import dev.drover.provisioner.queue.Dispatcher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cvm backend against the local CVM/TAT endpoint and S3Proxy, through the real SDKs. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@QuarkusTestResource(value = CloudResource.class, restrictToAnnotatedClass = true)
class CvmBackendIT extends HarnessPerClass {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BUCKET = CosResource.BUCKET;

    @Inject Reconciler reconciler;
    @Inject Dispatcher dispatcher;

    @AfterEach
    void noVmOutlivesATest() {
        stub().faults().clear();
        await().atMost(WAIT).until(() -> stub().liveVms().isEmpty());
    }

    @Test
    void c19TaskRunsOnCvmWithInputsOutputsAndByteExactLogs() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        CosResource.put("in-" + run + "/data.txt", "payload\n");
        String inputDir = "/tmp/drover-cvm-in-" + run;
        String outFile = "/tmp/drover-cvm-out-" + run + ".txt";
        TaskSpec task =
                onCvm(
                        "c19-quoting.json",
                        "S2.SMALL1",
                        t -> {
                            ObjectNode app = (ObjectNode) t.get("Application");
                            app.put(
                                    "Command",
                                    app.get("Command").asText()
                                            + "; cat "
                                            + inputDir
                                            + "/data.txt; echo out-$BATCH_TASK_INSTANCE_INDEX > "
                                            + outFile
                                            + "; echo to-stderr >&2");
                            t.putArray("InputMappings")
                                    .addObject()
                                    .put("SourcePath", "cos://" + BUCKET + "/in-" + run + "/")
                                    .put("DestinationPath", inputDir + "/");
                            t.putArray("OutputMappings")
                                    .addObject()
                                    .put("SourcePath", outFile)
                                    .put(
                                            "DestinationPath",
                                            "cos://" + BUCKET + "/out-" + run + "/");
                        });
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);

        assertThat(harness.awaitFinal(job, "Q", 0, 1, WAIT)).isInstanceOf(InstanceSucceeded.class);
        byte[] out = harness.awaitStream(job, "Q", 0, 1, LogStream.STDOUT, WAIT);
        // The C19 fixture's own 60 bytes, as on the local backend, then the appended input.
        assertThat(Harness.sha256(java.util.Arrays.copyOf(out, 60)))
                .isEqualTo("e75640fd8338a638a5e5acaf3c7a01c942f3f6518c4769d06eaf1ad9bf735af8");
        assertThat(Harness.text(out)).endsWith("payload\n");
        assertThat(Harness.text(harness.awaitStream(job, "Q", 0, 1, LogStream.STDERR, WAIT)))
                .isEqualTo("to-stderr\n");
        assertThat(CosResource.read("out-" + run + "/drover-cvm-out-" + run + ".txt"))
                .isEqualTo("out-0\n");
        assertThat(stub().calls("TerminateInstances")).isPositive();
    }

    @Test
    void soldOutTypeFallsBackToTheNextInstanceType() {
        stub().faults().soldOut("S5.SOLDOUT");
        TaskSpec task =
                onCvm(
                        "c20-index.json",
                        null,
                        t ->
                                ((ObjectNode) t.at("/ComputeEnv/EnvData"))
                                        .putArray("InstanceTypes")
                                        .add("S5.SOLDOUT")
                                        .add("S5.MEDIUM2"));
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);

        assertThat(harness.awaitFinal(job, "I", 0, 1, WAIT)).isInstanceOf(InstanceSucceeded.class);
        assertThat(Harness.text(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, WAIT)))
                .isEqualTo("idx=0\n");
    }

    @Test
    void quotaErrorsAreRetriedPerResourceMaxRetryCount() {
        stub().faults().quotaExceeded(2);
        int before = stub().calls("RunInstances");
        TaskSpec task =
                onCvm("c20-index.json", "S5.MEDIUM2", t -> t.put("ResourceMaxRetryCount", 2));
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);

        assertThat(harness.awaitFinal(job, "I", 0, 1, WAIT)).isInstanceOf(InstanceSucceeded.class);
        assertThat(stub().calls("RunInstances") - before).isEqualTo(3);

        stub().faults().quotaExceeded(3);
        String second = Harness.newJobId();
        Harness.release(second, 1, 1, List.of(0), task);
        InstanceFailed failed = (InstanceFailed) harness.awaitFinal(second, "I", 0, 1, WAIT);
        assertThat(failed.kind()).isEqualTo(FailureKind.SETUP);
        assertThat(failed.reason()).startsWith("LimitExceeded.InstanceQuota");
    }

    @Test
    void throttlingBacksOffAndTheTaskStillRuns() {
        stub().faults().throttleNext(3);
        TaskSpec task = onCvm("c20-index.json", "S5.MEDIUM2", t -> {});
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);

        assertThat(harness.awaitFinal(job, "I", 0, 1, WAIT)).isInstanceOf(InstanceSucceeded.class);
    }

    @Test
    void terminateDuringCreationLeavesNoVm() {
        stub().faults().bootTime(Duration.ofSeconds(20));
        TaskSpec task = onCvm("c20-index.json", "S5.MEDIUM2", t -> {});
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);
        await().atMost(WAIT)
                .until(
                        () ->
                                stub().liveVms().stream()
                                        .anyMatch(vm -> job.equals(vm.tags().get("drover-job"))));
        // The STARTING report may still be on its way to the test's consumer.
        await().atMost(WAIT).until(() -> !harness.events(job, "I", 0, 1).isEmpty());
        assertThat(harness.events(job, "I", 0, 1))
                .singleElement()
                .isInstanceOf(InstanceStarting.class);

        Harness.send(Topics.JOB_EVENTS, TerminateJob.of(job, "terminated"));

        InstanceFailed failed = (InstanceFailed) harness.awaitFinal(job, "I", 0, 1, WAIT);
        assertThat(failed.kind()).isEqualTo(FailureKind.TERMINATED);
        await().atMost(WAIT).until(() -> stub().liveVms().isEmpty());
    }

    @Test
    void failedActionInterruptKeepsTheFailedVmAndTheReconcilerLeavesIt() throws Exception {
        TaskSpec task =
                onCvm(
                        "c20-index.json",
                        "S5.MEDIUM2",
                        t -> exitThree(t).put("FailedAction", "INTERRUPT").put("MaxRetryCount", 2));
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);

        InstanceFailed failed = (InstanceFailed) harness.awaitFinal(job, "I", 0, 1, WAIT);
        assertThat(failed.kind()).isEqualTo(FailureKind.INTERRUPTED);
        assertThat(failed.kind().retriable()).as("never retried").isFalse();
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(vmsOf(job)).singleElement().extracting(StubVm::state).isEqualTo("RUNNING");

        reconciler.reconcile();

        StubVm kept = vmsOf(job).get(0);
        assertThat(kept.state()).isEqualTo("RUNNING");
        assertThat(harness.events(job, "I", 0, 2)).isEmpty();
        // What the user does once done with it: it bills until then.
        TerminateInstancesRequest done = new TerminateInstancesRequest();
        done.setInstanceIds(new String[] {kept.instanceId()});
        CloudResource.cvm().TerminateInstances(done);
    }

    @Test
    void failedActionTerminateReleasesTheFailedVmBeforeTheReport() {
        TaskSpec task =
                onCvm(
                        "c20-index.json",
                        "S5.MEDIUM2",
                        t -> exitThree(t).put("FailedAction", "TERMINATE"));
        String job = Harness.newJobId();
        Harness.release(job, 1, 1, List.of(0), task);

        InstanceFailed failed = (InstanceFailed) harness.awaitFinal(job, "I", 0, 1, WAIT);
        assertThat(failed.kind()).isEqualTo(FailureKind.EXIT_CODE);
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(vmsOf(job)).isEmpty();
    }

    @Test
    void stateIfCreateCvmFailedFailedSpendsOneAttemptPerFailedCreation() {
        stub().faults().quotaExceeded(Integer.MAX_VALUE);
        int before = stub().calls("RunInstances");
        TaskSpec task =
                onCvm(
                        "c20-index.json",
                        "S5.MEDIUM2",
                        t -> t.put("ResourceMaxRetryCount", 1).put("MaxRetryCount", 1));
        String job = Harness.newJobId();

        // As the scheduler answers a retriable failure: the next attempt, until MaxRetryCount is
        // spent; the last attempt's failure is the instance's final FAILED.
        for (int attempt = 1; attempt <= task.maxAttempts(); attempt++) {
            Harness.release(job, attempt, List.of(0), task, "FAILED");
            InstanceFailed failed = (InstanceFailed) harness.awaitFinal(job, "I", 0, attempt, WAIT);
            assertThat(failed.kind()).isEqualTo(FailureKind.SETUP);
            assertThat(failed.kind().retriable()).isTrue();
            assertThat(failed.reason()).startsWith(Faults.QUOTA_EXCEEDED);
        }

        // Each attempt: the first RunInstances and its one ResourceMaxRetryCount retry.
        assertThat(stub().calls("RunInstances") - before).isEqualTo(task.maxAttempts() * 2);
        assertThat(harness.events(job)).noneMatch(InstanceRequeued.class::isInstance);
        assertThat(vmsOf(job)).isEmpty();
    }

    @Test
    void stateIfCreateCvmFailedRunnableWaitsWithoutSlotOrAttemptUntilAMachineCanBeHad() {
        stub().faults().quotaExceeded(Integer.MAX_VALUE);
        TaskSpec task =
                onCvm("c20-index.json", "S5.MEDIUM2", t -> t.put("ResourceMaxRetryCount", 1));
        String job = Harness.newJobId();
        AttemptId attempt = new AttemptId(job, "I", 0, 1);
        Harness.release(job, 1, List.of(0), task, "RUNNABLE");

        await().atMost(WAIT).until(() -> requeued(job).size() >= 3);
        await().atMost(WAIT).until(() -> !dispatcher.isLive(attempt));

        // Waits growing from runnable-retry-wait (200 ms) to its cap (500 ms); same attempt.
        assertThat(requeued(job).subList(0, 3))
                .extracting(InstanceRequeued::reason)
                .allMatch(reason -> reason.startsWith(Faults.QUOTA_EXCEEDED))
                .satisfiesExactly(
                        first -> assertThat(first).endsWith("trying again in 200 ms)"),
                        second -> assertThat(second).endsWith("trying again in 400 ms)"),
                        third -> assertThat(third).endsWith("trying again in 500 ms)"));
        assertThat(harness.events(job)).allMatch(e -> e.attempt() == 1);
        assertThat(harness.events(job)).noneMatch(InstanceFailed.class::isInstance);
        assertThat(vmsOf(job)).isEmpty();

        stub().faults().clear();

        assertThat(harness.awaitFinal(job, "I", 0, 1, WAIT)).isInstanceOf(InstanceSucceeded.class);
        assertThat(Harness.text(harness.awaitStream(job, "I", 0, 1, LogStream.STDOUT, WAIT)))
                .isEqualTo("idx=0\n");
    }

    @Test
    void terminatingAJobThatWaitsForAMachineLeavesNoVmAndStopsTrying() {
        stub().faults().quotaExceeded(Integer.MAX_VALUE);
        TaskSpec task = onCvm("c20-index.json", "S5.MEDIUM2", t -> {});
        String job = Harness.newJobId();
        Harness.release(job, 1, List.of(0), task, "RUNNABLE");
        await().atMost(WAIT).until(() -> !requeued(job).isEmpty());

        Harness.send(Topics.JOB_EVENTS, TerminateJob.of(job, "terminated"));

        InstanceFailed failed = (InstanceFailed) harness.awaitFinal(job, "I", 0, 1, WAIT);
        assertThat(failed.kind()).isEqualTo(FailureKind.TERMINATED);
        int calls = stub().calls("RunInstances");
        // Longer than the longest rest (500 ms): a forgotten wake-up would have tried by then.
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> stub().calls("RunInstances") == calls);
        assertThat(vmsOf(job)).isEmpty();
    }

    @Test
    void reconcilerTerminatesVmsOfUnknownAttempts() throws Exception {
        // As a provisioner killed with -9 leaves it: a tagged VM no live attempt owns.
        String orphan = CloudResource.orphanVm("job-crashed1");
        assertThat(stub().liveVms()).anyMatch(vm -> vm.instanceId().equals(orphan));

        assertThat(reconciler.reconcile()).isGreaterThanOrEqualTo(1);

        await().atMost(WAIT).until(() -> stub().liveVms().isEmpty());
    }

    private static ObjectNode exitThree(ObjectNode task) {
        ((ObjectNode) task.get("Application")).put("Command", "echo failing; exit 3");
        return task;
    }

    private static List<StubVm> vmsOf(String job) {
        return stub().liveVms().stream()
                .filter(vm -> job.equals(vm.tags().get("drover-job")))
                .toList();
    }

    private static List<InstanceRequeued> requeued(String job) {
        return harness.events(job).stream()
                .filter(InstanceRequeued.class::isInstance)
                .map(InstanceRequeued.class::cast)
                .toList();
    }

    private static TaskSpec onCvm(
            String fixture, String type, java.util.function.Consumer<ObjectNode> edit) {
        return Harness.task(
                fixture,
                t -> {
                    ObjectNode env =
                            t.putObject("ComputeEnv")
                                    .put("EnvType", "MANAGED")
                                    .putObject("EnvData");
                    env.put("ImageId", "img-drover-test");
                    if (type != null) {
                        env.put("InstanceType", type);
                    }
                    edit.accept(t);
                });
    }

    private static TencentCloudStub stub() {
        return CloudResource.stub();
    }
}
