package dev.drover.collector.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the consumer of {@code drover.logs} is polling the broker. */
@Readiness
@ApplicationScoped
public class CollectorReadiness implements HealthCheck {

    private final LogCollector collector;

    CollectorReadiness(LogCollector collector) {
        this.collector = collector;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("log-consumer").status(collector.connected()).build();
    }
}
