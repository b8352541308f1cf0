package dev.drover.cli.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When a service that died is started again: at most {@code maxRestarts} within {@code window},
 * each after a backoff that doubles from {@code firstBackoff} up to {@code maxBackoff}. Past the
 * cap a service that keeps dying is left down, because restarting it again would only hide the
 * fault. Pure: the caller supplies the clock and does the restarting.
 *
 * @param maxRestarts how many restarts the window allows
 * @param window the sliding window the restarts are counted in
 * @param firstBackoff the wait before the first restart of a window
 * @param maxBackoff the longest wait before a restart
 */
public record RestartPolicy(
        int maxRestarts, Duration window, Duration firstBackoff, Duration maxBackoff) {

    /** Five restarts in five minutes, waiting 1, 2, 4, 8 then 16 s. */
    public static RestartPolicy standard() {
        return new RestartPolicy(
                5, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The restarts of one service, as this policy counts them; not thread-safe. */
    public Tracker tracker() {
        return new Tracker();
    }

    /** Counts the restarts of one service. */
    public final class Tracker {

        private final Deque<Instant> restarts = new ArrayDeque<>();

        private Tracker() {}

        /**
         * Decides on an exit seen at {@code now}: the wait before restarting, or empty when the
         * window's restarts are used up. A restart it allows is counted at once.
         */
        public Optional<Duration> onExit(Instant now) {
            while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(now.minus(window))) {
                restarts.removeFirst();
            }
            if (restarts.size() >= maxRestarts) {
                return Optional.empty();
            }
            Duration backoff = firstBackoff.multipliedBy(1L << Math.min(restarts.size(), 20));
            restarts.addLast(now);
            return Optional.of(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
        }

        /** Restarts counted in the current window, the last one included. */
        public int count() {
            return restarts.size();
        }
    }
}
