package dev.drover.scheduler.dag;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.contract.EventCodec;
import dev.drover.contract.spec.Application;
import dev.drover.contract.spec.DeliveryForm;
import dev.drover.contract.spec.DependOn;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.TaskSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Job specs for tests: fixtures from src/test/resources/jobs and small builders. */
public final class Jobs {

    private Jobs() {}

    /** The SubmitJob body's Job object of a fixture, as the validated spec. */
    public static JobSpec fixture(String name) {
        try (InputStream in = Jobs.class.getResourceAsStream("/jobs/" + name + ".json")) {
            JsonNode body = EventCodec.mapper().readTree(in);
            return EventCodec.mapper().treeToValue(body.get("Job"), JobSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TaskSpec task(String name, int instances, int maxRetryCount) {
        return new TaskSpec(
                name,
                instances,
                new Application(DeliveryForm.LOCAL, "true", null, null),
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                maxRetryCount,
                60,
                null,
                0);
    }

    public static JobSpec job(DependOn rule, List<TaskSpec> tasks, List<Dependence> edges) {
        return new JobSpec("test", null, 1, tasks, edges, rule, null, List.of());
    }
}
