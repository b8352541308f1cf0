package dev.drover.cli.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.cli.stack.Repo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobDocumentTest {

    @Test
    void aBareJobObjectIsWrappedAsASubmitJobBody() {
        JsonNode body = JobDocument.parse("job.json", "{\"JobName\": \"x\", \"Tasks\": []}");

        assertThat(body.path("Job").path("JobName").asText()).isEqualTo("x");
    }

    @Test
    void aSubmitJobBodyIsKeptAsItIs() {
        JsonNode body =
                JobDocument.parse("job.json", "{\"Job\": {\"Tasks\": []}, \"ClientToken\": \"t\"}");

        assertThat(body.path("ClientToken").asText()).isEqualTo("t");
        assertThat(body.path("Job").has("Tasks")).isTrue();
    }

    @Test
    void aTrailingCommaIsReportedWithItsPosition() {
        assertThatThrownBy(() -> JobDocument.parse("job.json", "{\"Job\": {\"Tasks\": [1,]}}"))
                .isInstanceOf(JobDocument.BadJobFile.class)
                .hasMessageStartingWith("job.json is not valid JSON at line 1, column 22");
    }

    @Test
    void anArrayIsNotAJob() {
        assertThatThrownBy(() -> JobDocument.parse("job.json", "[]"))
                .hasMessageContaining("must hold a JSON object");
    }

    @Test
    void everyExampleIsValidJson() {
        Path examples = Repo.locate(null).resolve("examples");
        for (String name :
                new String[] {
                    "wordcount.json", "retry.json", "failing-branch.json", "multi-instance.json"
                }) {
            JsonNode body = JobDocument.read(examples.resolve(name));
            assertThat(body.path("Job").path("Tasks").size()).as(name).isPositive();
        }
    }
}
