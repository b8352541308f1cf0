package dev.drover.jobs.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks too large for one Kafka record are refused at submit time, never accepted and stuck. */
class TaskSizeLimitTest {

    private final JobValidator validator = new JobValidator(ValidationLimits.defaults());

    @Test
    void refusesATaskWhoseEncodedSpecIsOverTheLimitNamingTaskAndLimit() {
        ObjectNode body = Fixtures.job("env-flood", List.of("T"));
        ArrayNode vars = task(body).putArray("EnvVars");
        for (int i = 0; i < 5000; i++) {
            vars.addObject().put("Name", "V" + i).put("Value", "v".repeat(1000));
        }

        Violation first = firstViolation(body);

        assertThat(first.code()).isEqualTo("LimitExceeded");
        assertThat(first.fields()).containsExactly("Job.Tasks[0]");
        assertThat(first.detail()).contains("'T'", "524288", "bytes");
    }

    @Test
    void refusesAOnePointTwoMegabyteCommandOnItsOwnField() {
        ObjectNode body = Fixtures.job("long-command", List.of("T"));
        ((ObjectNode) task(body).get("Application")).put("Command", "x".repeat(1_200_000));

        Violation first = firstViolation(body);

        assertThat(first.code()).isEqualTo("LimitExceeded");
        assertThat(first.fields()).containsExactly("Job.Tasks[0].Application.Command");
        assertThat(first.detail()).contains("'T'", "1200000", "65536");
    }

    @Test
    void countsCommandBytesInUtf8NotCharacters() {
        ObjectNode body = Fixtures.job("cjk-command", List.of("T"));
        // 22,000 characters, 66,000 UTF-8 bytes.
        ((ObjectNode) task(body).get("Application")).put("Command", "数".repeat(22_000));

        assertThat(firstViolation(body).detail()).contains("66000");
    }

    @Test
    void acceptsATaskJustUnderEveryLimit() {
        ObjectNode body = Fixtures.job("near-limit", List.of("T"));
        ((ObjectNode) task(body).get("Application")).put("Command", "x".repeat(65_536));
        ArrayNode vars = task(body).putArray("EnvVars");
        for (int i = 0; i < 3; i++) {
            vars.addObject().put("Name", "V" + i).put("Value", "v".repeat(131_071 - 3));
        }

        assertThat(validator.validate(body)).isInstanceOf(Validation.Valid.class);
    }

    private Violation firstViolation(ObjectNode body) {
        Validation outcome = validator.validate(body);
        assertThat(outcome).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) outcome).first();
    }

    private static ObjectNode task(ObjectNode body) {
        return (ObjectNode) body.path("Job").path("Tasks").get(0);
    }
}
