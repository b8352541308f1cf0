package dev.drover.provisioner.cvm;

import dev.drover.contract.event.FailureKind;
import dev.drover.contract.spec.Application;
import dev.drover.contract.spec.DeliveryForm;
import dev.drover.contract.spec.EnvData;
import dev.drover.contract.spec.EnvVar;
import dev.drover.contract.spec.InputMapping;
import dev.drover.contract.spec.OutputMapping;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.contract.storage.RemotePath;
import dev.drover.provisioner.CosSettings;
import dev.drover.provisioner.ProvisionerConfig;
import dev.drover.provisioner.TencentCloudCredentials;
import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.AttemptFailure;
import dev.drover.provisioner.attempt.Backend;
import dev.drover.provisioner.attempt.Execution;
import dev.drover.provisioner.storage.StorageProducer;
import dev.drover.provisioner.storage.TaskStorage;
import dev.drover.store.ObjectStore;
import dev.drover.store.cos.CosStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs each attempt on a CVM instance of its own: bought with the task's EnvData, the command run
 * through TAT by a generated shell script that moves files with presigned COS URLs and curl, the
 * instance terminated afterwards. Needs COS ({@code drover.cos.enabled}) and a scratch directory.
 */
@ApplicationScoped
@Typed(CvmBackend.class)
public class CvmBackend implements Backend {

    @Inject CvmConfig config;
    @Inject ProvisionerConfig provisioner;
    @Inject CosSettings cos;
    @Inject TencentCloudCredentials keys;
    @Inject TaskStorage storage;

    private volatile Machines machines;

    @Override
    public String name() {
        return "cvm";
    }

    /** The instances' owner, created on first use (a local-only service never needs keys). */
    synchronized Machines machines() throws IOException {
        if (machines == null) {
            CloudApi api = new CloudApi(config, StorageProducer.credentials(keys));
            machines = new Machines(api, config, provisioner.stateDir().resolve("cvm-kept"));
        }
        return machines;
    }

    @Override
    public Execution launch(Attempt attempt, Path workDir) throws AttemptFailure {
        TaskSpec task = attempt.task();
        EnvData env = envData(task, config.defaultImageId(), config.defaultInstanceType());
        Scratch scratch = scratch(task);
        String script = script(attempt, scratch);
        List<String> types = InstanceRequest.types(env);
        String zone = zone(attempt);
        String instanceId = null;
        Machines owner;
        try {
            owner = machines();
            instanceId =
                    owner.create(
                            attempt, types, (a, type) -> InstanceRequest.build(a, env, zone, type));
            owner.awaitRunning(attempt, instanceId);
            long timeout = task.timeout() > 0 ? task.timeout() : 86_400;
            String invocation = owner.api().runCommand(instanceId, script, timeout, "drover-run");
            return new CvmExecution(attempt, owner, instanceId, invocation, scratch, workDir);
        } catch (AttemptFailure e) {
            releaseQuietly(attempt, instanceId);
            throw e;
        } catch (CloudError e) {
            releaseQuietly(attempt, instanceId);
            throw new AttemptFailure(FailureKind.SETUP, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            releaseQuietly(attempt, instanceId);
            throw new AttemptFailure(FailureKind.SETUP, "cvm backend: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            releaseQuietly(attempt, instanceId);
            throw new AttemptFailure(FailureKind.SETUP, "interrupted while creating the instance");
        }
    }

    private void releaseQuietly(Attempt attempt, String instanceId) {
        if (instanceId != null && machines != null) {
            machines.terminateAndConfirm(attempt, instanceId);
        }
    }

    /**
     * The task's EnvData; for a task that names no ComputeEnv nor EnvId (one written for the local
     * backend, run here by {@code drover.provisioner.backend=cvm}), the configured default image
     * and instance type.
     */
    static EnvData envData(
            TaskSpec task, Optional<String> defaultImageId, Optional<String> defaultInstanceType)
            throws AttemptFailure {
        if (task.computeEnv() == null && task.envId() == null) {
            if (defaultImageId.isEmpty() || defaultInstanceType.isEmpty()) {
                throw new AttemptFailure(
                        FailureKind.SETUP,
                        "the task has no ComputeEnv: give it ComputeEnv.EnvData, or set"
                                + " drover.cvm.default-image-id and"
                                + " drover.cvm.default-instance-type");
            }
            return new EnvData(
                    defaultInstanceType.get(),
                    null,
                    defaultImageId.get(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        if (task.computeEnv() == null || task.computeEnv().envData() == null) {
            throw new AttemptFailure(
                    FailureKind.SETUP,
                    "the cvm backend needs ComputeEnv.EnvData (named EnvId environments are not"
                            + " supported yet)");
        }
        EnvData env = task.computeEnv().envData();
        if (InstanceRequest.types(env).isEmpty() || env.imageId() == null) {
            throw new AttemptFailure(
                    FailureKind.SETUP, "EnvData needs InstanceType (or InstanceTypes) and ImageId");
        }
        return env;
    }

    private String zone(Attempt attempt) throws AttemptFailure {
        if (attempt.placement() != null && attempt.placement().zone() != null) {
            return attempt.placement().zone();
        }
        return config.defaultZone()
                .orElseThrow(
                        () ->
                                new AttemptFailure(
                                        FailureKind.SETUP,
                                        "the cvm backend needs Placement.Zone"
                                                + " (or drover.cvm.default-zone)"));
    }

    private Scratch scratch(TaskSpec task) throws AttemptFailure {
        try {
            if (!storage.stores().cosEnabled() || config.scratchPath().isEmpty()) {
                throw new IOException(
                        "it needs drover.cos.enabled=true and drover.cvm.scratch-path");
            }
            RemotePath root = TaskStorage.parse(config.scratchPath().get());
            ObjectStore store = storage.stores().forPath(root);
            List<String> curl = new ArrayList<>();
            // The instance must reach the same COS endpoint as this service (tests: S3Proxy).
            cos.endpointAddress()
                    .ifPresent(
                            address -> {
                                curl.add("--connect-to");
                                curl.add("::" + address);
                            });
            long timeout = task.timeout() > 0 ? task.timeout() : 86_400;
            Duration validity =
                    Duration.ofSeconds(timeout).plus(config.bootTimeout()).plus(config.urlGrace());
            return new Scratch(storage, (CosStore) store, root, curl, validity);
        } catch (IOException | ClassCastException e) {
            throw new AttemptFailure(FailureKind.SETUP, "cvm backend: " + e.getMessage(), e);
        }
    }

    private static String script(Attempt attempt, Scratch scratch) throws AttemptFailure {
        TaskSpec task = attempt.task();
        Application app = task.application();
        if (app == null || app.command() == null || app.command().isBlank()) {
            throw new AttemptFailure(FailureKind.SETUP, "the task has no Command");
        }
        try {
            List<ShellScript.Fetch> inputs = new ArrayList<>();
            for (InputMapping m : nullSafe(task.inputMappings())) {
                inputs.addAll(scratch.inputFetches(attempt, m.sourcePath(), m.destinationPath()));
            }
            ShellScript.Fetch pkg =
                    app.deliveryForm() == DeliveryForm.PACKAGE
                            ? scratch.packageFetch(attempt, app.packagePath())
                            : null;
            List<String> outputs =
                    nullSafe(task.outputMappings()).stream()
                            .map(OutputMapping::sourcePath)
                            .toList();
            return ShellScript.run(
                    new ShellScript.RunPlan(
                            "drover-" + attempt.id().fileName(),
                            environment(attempt),
                            inputs,
                            pkg,
                            app.command(),
                            scratch.putUrl(attempt, "stdout"),
                            scratch.putUrl(attempt, "stderr"),
                            outputs,
                            scratch.putUrl(attempt, "manifest"),
                            scratch.curlOptions()));
        } catch (IOException e) {
            throw new AttemptFailure(
                    FailureKind.SETUP, "cannot prepare the instance's files: " + e.getMessage(), e);
        }
    }

    /** The task's EnvVars, then the BATCH_ variables, which EnvVars cannot override. */
    static Map<String, String> environment(Attempt attempt) throws AttemptFailure {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : nullSafe(attempt.task().envVars())) {
            if (!ShellScript.isVariableName(var.name())) {
                throw new AttemptFailure(
                        FailureKind.SETUP,
                        "EnvVar name cannot be exported by a shell: " + var.name());
            }
            env.put(var.name(), var.value() == null ? "" : var.value());
        }
        env.put("BATCH_JOB_ID", attempt.id().jobId());
        env.put("BATCH_TASK_NAME", attempt.id().taskName());
        env.put("BATCH_TASK_INSTANCE_NUM", Integer.toString(attempt.task().taskInstanceNum()));
        env.put("BATCH_TASK_INSTANCE_INDEX", Integer.toString(attempt.id().index()));
        return env;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
