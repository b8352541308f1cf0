package dev.drover.provisioner.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both ways of starting a command give it the same world: session, streams, environment. */
@Timeout(30)
class SpawnerTest {

    private static final Map<String, String> ENV =
            Map.of("PATH", "/usr/bin:/bin", "GREETING", "grüße aus Köln", "EMPTY", "");

    @TempDir Path dir;

    static Stream<Spawner> spawners() {
        return Stream.of(PosixSpawner.load().orElseThrow(), new JdkSpawner());
    }

    @Test
    void thisHostStartsSessionsWithoutSetsid() {
        assertThat(Spawner.forThisHost()).isInstanceOf(PosixSpawner.class);
    }

    @ParameterizedTest
    @MethodSource("spawners")
    void streamsAreSeparateAndTheExitStatusIsTheCommands(Spawner spawner) throws Exception {
        Run run = run(spawner, "printf 'to out'; printf 'to err' >&2; exit 3");
        assertThat(run.stdout).isEqualTo("to out");
        assertThat(run.stderr).isEqualTo("to err");
        assertThat(run.status).isEqualTo(3);
        assertThat(run.process.isAlive()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("spawners")
    void aDeathBySignalReadsAsAShellReportsIt(Spawner spawner) throws Exception {
        assertThat(run(spawner, "kill -s KILL $$").status).isEqualTo(128 + 9);
    }

    @ParameterizedTest
    @MethodSource("spawners")
    void theCommandLeadsItsOwnSessionAndGroup(Spawner spawner) throws Exception {
        Run run = run(spawner, "cut -d' ' -f1,5,6 /proc/$$/stat");
        long pid = run.process.pid();
        assertThat(run.stdout.trim()).isEqualTo(pid + " " + pid + " " + pid);
    }

    @ParameterizedTest
    @MethodSource("spawners")
    void stdinIsEmptyAndTheDirectoryIsTheOneGiven(Spawner spawner) throws Exception {
        Run run = run(spawner, "cat; pwd");
        assertThat(run.stdout.trim()).isEqualTo(dir.toRealPath().toString());
        assertThat(run.status).isZero();
    }

    @ParameterizedTest
    @MethodSource("spawners")
    void theEnvironmentIsExactlyTheOneGiven(Spawner spawner) throws Exception {
        List<String> lines = new ArrayList<>(run(spawner, "env").stdout.lines().toList());
        // The shell itself exports its working directory.
        lines.removeIf(line -> line.startsWith("PWD="));
        assertThat(lines)
                .containsExactlyInAnyOrder(
                        "PATH=/usr/bin:/bin", "GREETING=grüße aus Köln", "EMPTY=");
    }

    @ParameterizedTest
    @MethodSource("spawners")
    void noDescriptorOfThisJvmReachesTheCommand(Spawner spawner) throws Exception {
        // ls holds one descriptor of its own (3): the directory it lists.
        assertThat(run(spawner, "exec ls /proc/self/fd").stdout.lines())
                .containsExactly("0", "1", "2", "3");
    }

    /**
     * Standard signals (1-31) are neither blocked nor ignored in the command, whatever this JVM's
     * thread has (the JDK's own launch passes on its blocked SIGQUIT). glibc leaves its two
     * internal real-time signals ignored, which programs reinstall.
     */
    @Test
    void standardSignalsAreUnblockedAndAtTheirDefault() throws Exception {
        Run run =
                run(
                        PosixSpawner.load().orElseThrow(),
                        "exec grep -E 'SigBlk|SigIgn' /proc/self/status");
        assertThat(run.stdout.lines())
                .hasSize(2)
                .allSatisfy(
                        line ->
                                assertThat(
                                                Long.parseUnsignedLong(line.split("\\s+")[1], 16)
                                                        & 0x7fff_ffffL)
                                        .as(line)
                                        .isZero());
    }

    @ParameterizedTest
    @MethodSource("spawners")
    void aCommandsOutputEndsWithItWhileAnotherCommandStillRuns(Spawner spawner) throws Exception {
        CommandProcess sleeper = spawner.spawn(sh("exec sleep 60"), dir, ENV);
        try {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Run>> runs = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    String command = "printf " + i;
                    runs.add(pool.submit(() -> run(spawner, command)));
                }
                for (int i = 0; i < runs.size(); i++) {
                    Run run = runs.get(i).get();
                    assertThat(run.stdout).isEqualTo(Integer.toString(i));
                    assertThat(run.status).isZero();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            Sessions.signal("KILL", sleeper.pid(), sleeper.pid());
        }
        assertThat(sleeper.waitFor()).isEqualTo(128 + 9);
        assertThat(read(sleeper.stdout())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("spawners")
    void aMissingDirectoryIsRefusedAtStart(Spawner spawner) {
        assertThatThrownBy(() -> spawner.spawn(sh("true"), dir.resolve("gone"), ENV))
                .isInstanceOf(IOException.class);
    }

    private Run run(Spawner spawner, String command) throws Exception {
        CommandProcess process = spawner.spawn(sh(command), dir, ENV);
        try (InputStream out = process.stdout();
                InputStream err = process.stderr()) {
            String stdout = read(out);
            String stderr = read(err);
            return new Run(process, stdout, stderr, process.waitFor());
        }
    }

    private static List<String> sh(String command) {
        return Arrays.asList("/bin/sh", "-c", command);
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private record Run(CommandProcess process, String stdout, String stderr, int status) {}
}
