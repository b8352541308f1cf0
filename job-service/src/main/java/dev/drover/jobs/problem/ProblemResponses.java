package dev.drover.jobs.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;

/**
 * Documents the body of every 4xx and 5xx answer once, as {@link ProblemMapper} sends it: an {@code
 * application/problem+json} {@link Problem}. An endpoint's annotations name only its error codes
 * and what they mean, e.g. {@code @APIResponse(responseCode = "404", description =
 * "ResourceNotFound.Job")}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null) {
            operation
                    .getResponses()
                    .getAPIResponses()
                    .forEach(
                            (status, response) -> {
                                if (isError(status) && response.getContent() == null) {
                                    response.setContent(problem());
                                }
                            });
        }
        return operation;
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static Content problem() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(Problem.SCHEMA)));
    }
}
