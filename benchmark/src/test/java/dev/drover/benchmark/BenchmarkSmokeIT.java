package dev.drover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark command end to end in its small mode: it starts the real stack, runs every scenario
 * once, writes the result file and stops everything. No figure is asserted: only that every
 * scenario produced its figures and every job ended as it must.
 */
class BenchmarkSmokeIT {

    /** The checkout: the build runs this test in the module's directory. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @TempDir Path dir;

    @Test
    void smallModeRunsEveryScenarioToSuccessAndWritesTheResults() throws IOException {
        Path results = dir.resolve("results.json");

        int exit =
                Bench.run(
                        "--scale", "small", "--out", results.toString(), "--repo", REPO.toString());

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertThat(json.path("allSucceeded").asBoolean()).isTrue();
        assertThat(names(json.path("scenarios"))).containsExactlyElementsOf(Bench.SCENARIOS);
        for (JsonNode scenario : json.path("scenarios")) {
            assertThat(scenario.path("runs")).hasSize(1);
            assertThat(scenario.path("median").size()).isPositive();
            scenario.path("median").forEach(figure -> assertThat(figure.isNumber()).isTrue());
        }
        for (JsonNode job : json.path("jobs")) {
            String expected = job.path("scenario").asText().equals("submit") ? "FAILED" : "SUCCEED";
            assertThat(job.path("state").asText()).as(job.toString()).isEqualTo(expected);
        }
        assertThat(json.path("jobs")).hasSize(5);
        assertThat(names(json.path("memory"), "name"))
                .contains(
                        "job-service", "scheduler-service", "provisioner-service", "log-collector");
        json.path("memory")
                .forEach(m -> assertThat(m.path("peakResidentMib").asDouble()).isPositive());
        assertThat(noProcessLeft()).isTrue();
    }

    private static boolean noProcessLeft() {
        return ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(e -> names.add(e.path(field).asText()));
        return names;
    }
}
