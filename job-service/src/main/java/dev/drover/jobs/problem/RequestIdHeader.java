package dev.drover.jobs.problem;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Sends the request's id as {@code X-Request-Id} on every answer, errors included. */
public class RequestIdHeader {

    private final RequestId requestId;

    public RequestIdHeader(RequestId requestId) {
        this.requestId = requestId;
    }

    @ServerResponseFilter
    public void addHeader(ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Request-Id", requestId.value());
    }
}
