package dev.drover.jobs.tencent;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The clock request timestamps are judged by. A bean of its own so that a test can put the server
 * ahead of the client, which is how a skewed client looks from here.
 */
@ApplicationScoped
public class ApiClock {

    public Instant now() {
        return Instant.now();
    }
}
