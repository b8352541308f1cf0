package dev.drover.jobs.logs;

import dev.drover.contract.event.LogStream;
import dev.drover.jobs.problem.ApiProblem;
import dev.drover.jobs.problem.Codes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The archived stdout or stderr of one instance, byte for byte. */
@Path("/v1/jobs/{jobId}/tasks/{taskName}/instances/{index}/logs")
public class LogsResource {

    private final ArchivedLogs logs;

    public LogsResource(ArchivedLogs logs) {
        this.logs = logs;
    }

    @GET
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Read an instance's archived log",
            description =
                    "The raw bytes of the archived stream of the given attempt (default: the"
                            + " latest archived one). A stream is served once the attempt ended and"
                            + " the log collector archived it; a running attempt's bytes are not. A"
                            + " stream that wrote nothing is served empty once its attempt ended.")
    @APIResponse(responseCode = "200", description = "The bytes, application/octet-stream")
    @APIResponse(
            responseCode = "400",
            description = "InvalidParameterValue: bad stream, index or attempt")
    @APIResponse(
            responseCode = "404",
            description =
                    "ResourceNotFound.Job, .Task, .Instance,"
                            + " or ResourceNotFound.Logs (not archived yet)")
    public Response read(
            @PathParam("jobId") String jobId,
            @PathParam("taskName") String taskName,
            @PathParam("index") String index,
            @QueryParam("stream") String stream,
            @QueryParam("attempt") String attempt) {
        return logs.locate(
                        jobId,
                        taskName,
                        number("index", index, 0, 0),
                        streamOf(stream),
                        number("attempt", attempt, 0, 1))
                .map(file -> Response.ok(file.toFile(), MediaType.APPLICATION_OCTET_STREAM_TYPE))
                .orElseGet(() -> Response.ok(new byte[0], MediaType.APPLICATION_OCTET_STREAM_TYPE))
                .build();
    }

    private static LogStream streamOf(String stream) {
        if (stream == null || stream.isBlank() || stream.equals("stdout")) {
            return LogStream.STDOUT;
        }
        if (stream.equals("stderr")) {
            return LogStream.STDERR;
        }
        throw ApiProblem.badRequest(
                Codes.INVALID_VALUE,
                "stream must be stdout or stderr, got '" + stream + "'",
                "stream");
    }

    /** Parses an optional integer parameter that must be at least {@code min}. */
    private static int number(String name, String value, int fallback, int min) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Answered below like any other out-of-range value.
        }
        throw ApiProblem.badRequest(
                Codes.INVALID_VALUE,
                name + " must be an integer >= " + min + ", got '" + value + "'",
                name);
    }
}
