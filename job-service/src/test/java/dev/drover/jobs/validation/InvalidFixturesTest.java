package dev.drover.jobs.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code jobs/invalid/} is a request body that must be refused; {@code
 * expected.tsv} next to them says with which code, which first field path and which words the
 * detail must (and must not) contain.
 */
class InvalidFixturesTest {

    private static final String FOLDER = "jobs/invalid";

    private final JobValidator validator = new JobValidator(ValidationLimits.defaults());

    static Stream<Arguments> expectations() {
        return rows().stream()
                .map(
                        columns ->
                                Arguments.of(
                                        columns[0],
                                        columns[1],
                                        columns[2],
                                        words(columns, 3),
                                        words(columns, 4)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("expectations")
    void refusesWithTheExpectedCodeFieldAndDetail(
            String file, String code, String field, List<String> contains, List<String> absent) {
        Validation outcome = validator.validate(Fixtures.read(FOLDER + "/" + file));

        assertThat(outcome).isInstanceOf(Validation.Invalid.class);
        Validation.Invalid invalid = (Validation.Invalid) outcome;
        Violation first = invalid.first();
        assertThat(first.code()).as("code of %s: %s", file, first).isEqualTo(code);
        if (field.isEmpty()) {
            assertThat(first.fields()).isEmpty();
        } else {
            assertThat(first.fields()).as("fields of %s", file).first().isEqualTo(field);
        }
        assertThat(first.detail()).contains(contains);
        assertThat(invalid.all()).first().isEqualTo(first);
        for (Violation each : invalid.all()) {
            for (String word : absent) {
                assertThat(each.detail()).doesNotContain(word);
                assertThat(each.fields()).noneMatch(path -> path.contains(word));
            }
        }
    }

    @Test
    void reportsEveryUnknownFieldAtEveryLevelByItsPath() {
        Validation outcome =
                validator.validate(Fixtures.read(FOLDER + "/unknown-fields-everywhere.json"));

        assertThat(((Validation.Invalid) outcome).all())
                .extracting(Violation::code, violation -> violation.fields().get(0))
                .containsExactly(
                        tuple("UnknownParameter", "Zzz"),
                        tuple("UnknownParameter", "Job.Foo"),
                        tuple("UnknownParameter", "Job.Tasks[0].Bar"));
    }

    @Test
    void everyFixtureFileHasOneExpectationAndThereAreAtLeastThirty() {
        List<String> listed = rows().stream().map(columns -> columns[0]).sorted().toList();

        assertThat(Fixtures.jsonFiles(FOLDER)).isEqualTo(listed);
        assertThat(listed).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
    }

    private static List<String[]> rows() {
        return Fixtures.text(FOLDER + "/expected.tsv")
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .toList();
    }

    private static List<String> words(String[] columns, int index) {
        if (columns.length <= index || columns[index].isEmpty()) {
            return List.of();
        }
        return Arrays.asList(columns[index].split(";;"));
    }
}
