package dev.drover.jobs.problem;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error answer, RFC 9457 {@code application/problem+json} with our extensions.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind, the same for every occurrence
 * @param status the HTTP status
 * @param detail a sentence about this occurrence, naming the field and task at fault
 * @param code our error code, Tencent's code for the same fault
 * @param fields the offending field paths, e.g. {@code Job.Tasks[1].TaskName}
 * @param requestId the id of the request, also sent as the X-Request-Id header
 */
@Schema(name = Problem.SCHEMA, description = "An RFC 9457 problem with Drover's code and fields")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        List<String> fields,
        String requestId) {

    /** The media type of a problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Its schema's name in the OpenAPI document, which every error answer refers to. */
    public static final String SCHEMA = "Problem";
}
