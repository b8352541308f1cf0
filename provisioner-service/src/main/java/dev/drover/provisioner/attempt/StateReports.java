package dev.drover.provisioner.attempt;

import dev.drover.contract.event.InstanceEvent;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends an attempt's STARTING and RUNNING reports only when the attempt is still in that state
 * after a short delay. Most instances of a fan-out are over within milliseconds, and their final
 * event carries startedAt and endedAt anyway: sending the two intermediate records would triple
 * what the broker, the scheduler and the read model handle per instance, for states nobody could
 * have watched.
 *
 * <p>A report is either sent before {@link Pending#settle()} returns or never, so the event that
 * follows it on the attempt's key always comes after it.
 */
final class StateReports {

    private final Consumer<InstanceEvent> send;
    private final ScheduledExecutorService timer;
    private final Duration delay;

    StateReports(Consumer<InstanceEvent> send, ScheduledExecutorService timer, Duration delay) {
        this.send = send;
        this.timer = timer;
        this.delay = delay;
    }

    /** Sends {@code report} after the delay unless the attempt moves on first. */
    Pending later(InstanceEvent report) {
        Pending pending = new Pending(report);
        if (delay.isZero() || delay.isNegative()) {
            pending.fire();
        } else {
            pending.arm(timer.schedule(pending::fire, delay.toNanos(), TimeUnit.NANOSECONDS));
        }
        return pending;
    }

    /** One state report that may still go out. */
    final class Pending {
        private final InstanceEvent report;
        private ScheduledFuture<?> timer;
        private boolean settled;

        private Pending(InstanceEvent report) {
            this.report = report;
        }

        private synchronized void arm(ScheduledFuture<?> scheduled) {
            timer = scheduled;
        }

        /** The attempt left the reported state: from here on the report is never sent. */
        synchronized void settle() {
            settled = true;
            if (timer != null) {
                timer.cancel(false);
            }
        }

        private synchronized void fire() {
            if (!settled) {
                settled = true;
                send.accept(report);
            }
        }
    }
}
