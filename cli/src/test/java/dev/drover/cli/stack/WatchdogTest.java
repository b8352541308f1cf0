package dev.drover.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service process that dies is started again, as far as the policy allows. */
class WatchdogTest {

    @TempDir Path dir;

    private final List<String> supervisorLog = new CopyOnWriteArrayList<>();
    private final List<String> gaveUp = new CopyOnWriteArrayList<>();
    private Watchdog watchdog;

    private Watchdog watchdog(int maxRestarts) {
        ProcessBuilder sleeper =
                new ProcessBuilder("sleep", "600")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        RestartPolicy policy =
                new RestartPolicy(
                        maxRestarts,
                        Duration.ofMinutes(1),
                        Duration.ofMillis(10),
                        Duration.ofMillis(100));
        watchdog =
                new Watchdog(
                        "sleeper", sleeper, pids(), log(), policy, supervisorLog::add, gaveUp::add);
        return watchdog;
    }

    @AfterEach
    void stopTheSleeper() {
        if (watchdog != null) {
            Process last = watchdog.stop();
            if (last != null) {
                Reaper.stop(last.toHandle(), Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void aKilledProcessIsRestartedAndThePidFileNamesTheNewOne() throws Exception {
        Watchdog dog = watchdog(5);
        Process first = dog.start();
        dog.watch();
        assertThat(recorded().pid()).isEqualTo(first.pid());

        first.destroyForcibly();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorded().pid() != first.pid() && recorded().live().isPresent());
        Process second = dog.current();
        assertThat(second.pid()).isEqualTo(recorded().pid());
        assertThat(second.isAlive()).isTrue();
        assertThat(second.info().command().orElse("")).endsWith("sleep");
        String line = "sleeper exited with code 137; restarting (restart #1)";
        assertThat(supervisorLog).anySatisfy(l -> assertThat(l).startsWith(line));
        assertThat(Files.readString(log())).contains(line);
        assertThat(gaveUp).isEmpty();
    }

    @Test
    void afterTheCapTheServiceStaysDownAndTheSupervisorIsTold() {
        Watchdog dog = watchdog(2);
        Process process = start(dog);
        dog.watch();

        for (int restart = 1; restart <= 2; restart++) {
            process = killAndAwaitRestart(dog, process);
        }
        Process last = process;
        last.destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> !gaveUp.isEmpty());
        assertThat(gaveUp.get(0))
                .startsWith("sleeper exited with code 137 after 2 restarts within 60 s");
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> dog.current() == last && recorded().pid() == last.pid());
        assertThat(supervisorLog)
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .startsWith(
                                                "sleeper exited with code 137;"
                                                        + " restarting (restart #2)"));
    }

    @Test
    void anExitThatStopAskedForIsNotRestarted() {
        Watchdog dog = watchdog(5);
        Process process = start(dog);
        dog.watch();

        assertThat(dog.stop()).isSameAs(process);
        process.destroyForcibly();

        await().atMost(Duration.ofSeconds(5)).until(() -> !process.isAlive());
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> dog.current() == process && recorded().pid() == process.pid());
        assertThat(supervisorLog).isEmpty();
    }

    private Process killAndAwaitRestart(Watchdog dog, Process process) {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> dog.current() != process && dog.current().isAlive());
        return dog.current();
    }

    private static Process start(Watchdog dog) {
        try {
            return dog.start();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private Pids.Entry recorded() {
        return Pids.read(pids()).stream()
                .filter(e -> e.name().equals("sleeper"))
                .findFirst()
                .orElseThrow();
    }

    private Path pids() {
        return dir.resolve("pids.properties");
    }

    private Path log() {
        return dir.resolve("sleeper.log");
    }
}
