package dev.drover.jobs.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which faults are reported, in what order, and that no input makes the validator throw. */
class ViolationReportTest {

    private final JobValidator validator = new JobValidator(ValidationLimits.defaults());

    @Test
    void reportsFaultsInDocumentOrderWithTheFirstOneFirst() {
        ObjectNode body = (ObjectNode) Fixtures.read("jobs/valid/c05-base.json");
        ObjectNode job = (ObjectNode) body.get("Job");
        ObjectNode task = (ObjectNode) job.get("Tasks").get(0);
        task.put("Timeout", -1);
        task.put("TaskInstanceNum", 0);
        job.put("Priority", 101);

        Validation.Invalid invalid = (Validation.Invalid) validator.validate(body);

        assertThat(invalid.all())
                .extracting(v -> v.fields().get(0))
                .containsExactly(
                        "Job.Priority", "Job.Tasks[0].TaskInstanceNum", "Job.Tasks[0].Timeout");
        assertThat(invalid.first().fields()).containsExactly("Job.Priority");
    }

    @Test
    void reportsUnknownNamesBeforeTheCycleAndStillFindsTheCycle() {
        ObjectNode body = Fixtures.chain("both", 3, "T%d", true);
        Fixtures.edge(body, "T0", "missing");

        Validation.Invalid invalid = (Validation.Invalid) validator.validate(body);

        assertThat(invalid.all())
                .extracting(Violation::code)
                .containsExactly(
                        "InvalidParameterValue.DependenceNotFoundTaskName",
                        "InvalidParameterValue.DependenceUnfeasible");
    }

    @Test
    void collectsAtMostAHundredFaults() {
        ObjectNode body = Fixtures.chain("many-faults", 500, "T%03d", false);
        body.path("Job").path("Tasks").forEach(t -> ((ObjectNode) t).put("TaskInstanceNum", 0));

        Validation.Invalid invalid = (Validation.Invalid) validator.validate(body);

        assertThat(invalid.all()).hasSize(JobValidator.MAX_VIOLATIONS);
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        for (JsonNode body : List.of(JsonNodeFactory.instance.textNode("job"))) {
            assertThat(validator.validate(body)).isInstanceOf(Validation.Invalid.class);
        }
        assertThat(validator.validate(null)).isInstanceOf(Validation.Invalid.class);
    }

    @Test
    void neverThrowsWhateverValueReplacesAField() {
        JsonNode base = Fixtures.read("jobs/valid/full-featured.json");
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(base, containers);
        Random random = new Random(20170312);

        for (int round = 0; round < 5_000; round++) {
            JsonNode body = base.deepCopy();
            List<JsonNode> copies = new ArrayList<>();
            collectContainers(body, copies);
            replaceOneField(copies.get(random.nextInt(copies.size())), random);

            assertThatCode(() -> assertThat(validator.validate(body)).isNotNull())
                    .as("round %d: %s", round, body)
                    .doesNotThrowAnyException();
        }
        assertThat(containers).hasSizeGreaterThan(20);
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode() && !node.isEmpty()) {
            into.add(node);
        }
        node.forEach(child -> collectContainers(child, into));
    }

    private static void replaceOneField(JsonNode container, Random random) {
        JsonNode value = strangeValue(random);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.set(names.get(random.nextInt(names.size())), value);
        } else {
            var array = (com.fasterxml.jackson.databind.node.ArrayNode) container;
            array.set(random.nextInt(array.size()), value);
        }
    }

    private static JsonNode strangeValue(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> values =
                List.of(
                        f.nullNode(),
                        f.textNode(""),
                        f.textNode("3"),
                        f.textNode("a\u0000b"),
                        f.textNode("\ud800"),
                        f.textNode("../.."),
                        f.textNode("cos://"),
                        f.textNode("${"),
                        f.numberNode(-1),
                        f.numberNode(0),
                        f.numberNode(1.5),
                        f.numberNode(Long.MAX_VALUE),
                        f.numberNode(new BigInteger("9223372036854775808")),
                        f.numberNode(new java.math.BigDecimal("1e400")),
                        f.booleanNode(true),
                        f.arrayNode(),
                        f.arrayNode().add(f.objectNode()),
                        f.objectNode(),
                        f.objectNode().put("x", 1));
        return values.get(random.nextInt(values.size()));
    }
}
