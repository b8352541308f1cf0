package dev.drover.provisioner.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.contract.event.InstanceEvent;
import dev.drover.contract.event.InstanceRunning;
import dev.drover.contract.event.InstanceStarting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateReportsTest {

    private final List<InstanceEvent> sent = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aStateLeftBeforeTheDelayIsNeverReported() throws Exception {
        StateReports reports = new StateReports(sent::add, timer, Duration.ofMillis(50));
        reports.later(starting()).settle();
        // Whatever the timer would have done is done once a later task on it has run.
        timer.schedule(() -> {}, 100, TimeUnit.MILLISECONDS).get();
        assertThat(sent).isEmpty();
    }

    @Test
    void aStateKeptPastTheDelayIsReportedOnceAndSettlingLaterChangesNothing() throws Exception {
        StateReports reports = new StateReports(sent::add, timer, Duration.ofMillis(10));
        StateReports.Pending running = reports.later(running());
        timer.schedule(() -> {}, 50, TimeUnit.MILLISECONDS).get();
        running.settle();
        assertThat(sent).singleElement().isInstanceOf(InstanceRunning.class);
    }

    @Test
    void aZeroDelayReportsAtOnce() {
        StateReports reports = new StateReports(sent::add, timer, Duration.ZERO);
        reports.later(starting());
        assertThat(sent).singleElement().isInstanceOf(InstanceStarting.class);
    }

    private static InstanceStarting starting() {
        return InstanceStarting.of("job-abcdefgh", "t", 0, 1);
    }

    private static InstanceRunning running() {
        return InstanceRunning.of("job-abcdefgh", "t", 0, 1, Instant.now());
    }
}
