package dev.drover.provisioner.logs;

import dev.drover.contract.event.LogStream;
import dev.drover.contract.spec.RedirectInfo;
import dev.drover.provisioner.ProvisionerConfig;
import dev.drover.provisioner.attempt.Attempt;
import dev.drover.provisioner.attempt.Execution;
import dev.drover.provisioner.messaging.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/** Starts the stdout and stderr pumps of an attempt and waits for them at its end. */
@ApplicationScoped
public class LogStreams {

    private static final Logger LOG = Logger.getLogger(LogStreams.class);
    private static final Duration GIVE_UP_AFTER_KILL = Duration.ofSeconds(10);
    private static final Duration TERMINATE_CHECK = Duration.ofMillis(100);

    @Inject ProvisionerConfig config;
    @Inject EventPublisher publisher;

    private final ExecutorService readers =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "log-pump");
                        t.setDaemon(true);
                        return t;
                    });

    /** The two pumps of one attempt. */
    public final class Pumps {
        private final Attempt attempt;
        private final List<LogPump> pumps;

        private Pumps(Attempt attempt, List<LogPump> pumps) {
            this.attempt = attempt;
            this.pumps = pumps;
        }

        /**
         * After the command's shell exited: waits for both streams to end. A background child still
         * holding them gets {@code linger}, then the rest of the session is killed. A stream still
         * open after that is held by a process that left the session (its own {@code setsid}): it
         * is cut off, at once if the attempt is terminated meanwhile, else after {@link
         * #GIVE_UP_AFTER_KILL}, since the attempt's outcome cannot wait for a process it cannot
         * end.
         */
        public void drain(Execution execution, Duration linger) {
            if (awaitEof(linger)) {
                return;
            }
            LOG.infof("%s output still open after exit: killing the rest of its session", attempt);
            execution.killRemains();
            long deadline = System.nanoTime() + GIVE_UP_AFTER_KILL.toNanos();
            while (!attempt.terminated() && System.nanoTime() < deadline) {
                if (awaitEof(TERMINATE_CHECK)) {
                    return;
                }
            }
            pumps.forEach(LogPump::cutOff);
        }

        /**
         * Completes once the broker acknowledged every chunk of both streams (also when some failed
         * for good, which is logged: the attempt's outcome must still be reported).
         */
        public CompletableFuture<Void> acked() {
            CompletableFuture<?>[] all =
                    pumps.stream().map(LogPump::acked).toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(all)
                    .exceptionally(
                            error -> {
                                LOG.errorf(
                                        "%s some log chunks were not delivered: %s",
                                        attempt, error.getMessage());
                                return null;
                            });
        }

        /** The streams that wrote nothing and sent nothing; meaningful once acked() completed. */
        public List<LogStream> sentNothing() {
            return pumps.stream().filter(LogPump::sentNothing).map(LogPump::stream).toList();
        }

        private boolean awaitEof(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                for (LogPump pump : pumps) {
                    long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                    if (!pump.awaitEof(left)) {
                        return false;
                    }
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Starts reading both streams of a started command. */
    public Pumps start(Attempt attempt, Execution execution) {
        RedirectInfo redirect = attempt.task().redirectInfo();
        LogPump out = pump(attempt, LogStream.STDOUT, execution.stdout(), redirect);
        LogPump err = pump(attempt, LogStream.STDERR, execution.stderr(), redirect);
        readers.execute(out);
        readers.execute(err);
        return new Pumps(attempt, List.of(out, err));
    }

    private LogPump pump(Attempt attempt, LogStream stream, InputStream in, RedirectInfo info) {
        return new LogPump(
                attempt.id(),
                stream,
                in,
                publisher,
                LogNames.redirectPath(info, stream),
                LogNames.fileName(info, stream, attempt.id()),
                config.logChunkBytes());
    }
}
