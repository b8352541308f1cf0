package dev.drover.provisioner.local;

import dev.drover.contract.event.FailureKind;
import dev.drover.contract.spec.Application;
import dev.drover.contract.spec.DeliveryForm;
import dev.drover.contract.spec.InputMapping;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.provisioner.ProvisionerConfig;
import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.AttemptFailure;
import dev.drover.provisioner.attempt.Backend;
import dev.drover.provisioner.attempt.Execution;
import dev.drover.provisioner.attempt.ProcessRef;
import dev.drover.provisioner.storage.TaskStorage;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * Runs attempts as child processes of this service: {@code /bin/sh -c <Command>}, started by a
 * {@link Spawner} as the leader of a new session and process group, so it can be killed as a whole.
 * Attempts with InputMappings additionally run in a private mount namespace ({@link
 * MountNamespace}); attempts without pay nothing for it. Linux only (/proc, procps kill, and
 * util-linux unshare for mappings; util-linux setsid where glibc cannot start a session itself).
 */
@ApplicationScoped
@Typed(LocalBackend.class)
public class LocalBackend implements Backend {

    private static final Logger LOG = Logger.getLogger(LocalBackend.class);

    @Inject ProvisionerConfig config;
    @Inject TaskStorage storage;

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "local-kill-timer");
                        t.setDaemon(true);
                        return t;
                    });
    private Spawner spawner;
    private Packages packages;
    private volatile MountNamespace mountNamespace;
    private String platformProblem;

    void onStart(@Observes StartupEvent event) throws IOException {
        packages = new Packages(storage);
        spawner = Spawner.forThisHost();
        platformProblem = platformProblem(spawner);
        if (platformProblem != null) {
            LOG.errorf("local backend cannot run commands here: %s", platformProblem);
        } else {
            LOG.infof("local backend starts commands by %s", spawner.describe());
        }
        Path scratch = Files.createDirectories(config.stateDir().resolve("probe"));
        mountNamespace =
                platformProblem == null
                        ? MountNamespace.detect(scratch)
                        : MountNamespace.unsupported(platformProblem);
        if (spawner instanceof JdkSpawner
                && !StandardCharsets.UTF_8.equals(Charset.defaultCharset())) {
            LOG.warnf(
                    "JVM charset is %s: commands and EnvVars with non-ASCII characters will be"
                            + " refused; start the JVM with -Dfile.encoding=UTF-8",
                    Charset.defaultCharset());
        }
    }

    @Override
    public String name() {
        return "local";
    }

    /** Whether InputMappings can be honoured here. */
    public MountNamespace mountNamespace() {
        return mountNamespace;
    }

    @Override
    public Execution launch(Attempt attempt, Path workDir) throws AttemptFailure {
        if (platformProblem != null) {
            throw new AttemptFailure(FailureKind.SETUP, platformProblem);
        }
        TaskSpec task = attempt.task();
        Application app = task.application();
        if (app == null || app.command() == null || app.command().isBlank()) {
            throw new AttemptFailure(FailureKind.SETUP, "the task has no Command");
        }
        Path cwd = workDir;
        if (app.deliveryForm() == DeliveryForm.PACKAGE) {
            cwd = packages.unpack(task, app.packagePath(), workDir);
        }
        List<StagedMount> mounts = stageInputs(task, workDir);
        Map<String, String> env = new HashMap<>();
        CommandEnvironment.fill(env, attempt);
        try {
            CommandProcess process =
                    spawner.spawn(commandLine(app.command(), mounts, workDir), cwd, env);
            Instant startedAt = Instant.now();
            long pid = process.pid();
            long ticks = ProcFs.stat(pid).map(ProcFs.Stat::startTicks).orElse(0L);
            // The command leads a new session and group whose id is its own pid.
            ProcessRef ref = new ProcessRef(pid, pid, ticks);
            return new LocalExecution(
                    process, ref, startedAt, mounts, attempt.task(), storage, timer, workDir);
        } catch (IOException e) {
            throw new AttemptFailure(
                    FailureKind.SETUP, "cannot start the command: " + e.getMessage(), e);
        }
    }

    private List<String> commandLine(String command, List<StagedMount> mounts, Path workDir) {
        return mounts.isEmpty()
                ? List.of("/bin/sh", "-c", command)
                : mountNamespace.wrap(mounts, workDir.resolve("mount-errors"), command);
    }

    private List<StagedMount> stageInputs(TaskSpec task, Path workDir) throws AttemptFailure {
        List<InputMapping> mappings = task.inputMappings();
        if (mappings == null || mappings.isEmpty()) {
            return List.of();
        }
        if (!mountNamespace.supported()) {
            throw new AttemptFailure(FailureKind.SETUP, mountNamespace.unsupportedReason());
        }
        List<StagedMount> mounts = new ArrayList<>();
        for (int i = 0; i < mappings.size(); i++) {
            mounts.add(stage(task, mappings.get(i), workDir.resolve("inputs").resolve("m" + i)));
        }
        return mounts;
    }

    private StagedMount stage(TaskSpec task, InputMapping mapping, Path staged)
            throws AttemptFailure {
        try {
            Path destination = Path.of(mapping.destinationPath()).normalize();
            if (!destination.isAbsolute()) {
                throw new IOException("DestinationPath must be absolute");
            }
            boolean directory = storage.fetch(task, mapping.sourcePath(), staged);
            return new StagedMount(destination, staged, directory);
        } catch (IOException | RuntimeException e) {
            throw new AttemptFailure(
                    FailureKind.SETUP,
                    "cannot stage input "
                            + mapping.sourcePath()
                            + " for "
                            + mapping.destinationPath()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Whether a mount setup error was left by the namespace script (exit 125). */
    static String mountError(Path workDir) {
        try {
            Path errors = workDir.resolve("mount-errors");
            if (Files.exists(errors) && Files.size(errors) > 0) {
                return Files.readString(errors, StandardCharsets.UTF_8).trim();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String platformProblem(Spawner spawner) {
        if (!ProcFs.available()) {
            return "the local backend needs Linux (/proc); this is "
                    + System.getProperty("os.name");
        }
        List<String> tools =
                spawner instanceof JdkSpawner ? List.of("setsid", "kill") : List.of("kill");
        for (String tool : tools) {
            if (!onPath(tool)) {
                return "the local backend needs '" + tool + "' (util-linux/procps) on PATH";
            }
        }
        return null;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
