package dev.drover.jobs.problem;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The id of the current HTTP request, shared by the success body ({@code RequestId}), the problem
 * body and the {@code X-Request-Id} header, so a user's report can be matched to our log lines.
 */
@RequestScoped
public class RequestId {

    private final String value = UUID.randomUUID().toString();

    public String value() {
        return value;
    }
}
