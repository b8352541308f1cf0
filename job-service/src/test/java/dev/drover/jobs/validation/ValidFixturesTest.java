package dev.drover.jobs.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.contract.spec.DeliveryForm;
import dev.drover.contract.spec.DependOn;
import dev.drover.contract.spec.Dependence;
import dev.drover.contract.spec.EnvVar;
import dev.drover.contract.spec.FailedAction;
import dev.drover.contract.spec.JobSpec;
import dev.drover.contract.spec.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bodies under {@code jobs/valid/} are accepted, with defaults filled in and names unchanged. */
class ValidFixturesTest {

    private final JobValidator validator = new JobValidator(ValidationLimits.defaults());

    static Stream<String> validFiles() {
        return Fixtures.jsonFiles("jobs/valid").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void acceptsEveryValidFixture(String file) {
        Validation outcome = validator.validate(Fixtures.read("jobs/valid/" + file));

        assertThat(outcome).as("%s", outcome).isInstanceOf(Validation.Valid.class);
        assertThat(((Validation.Valid) outcome).job().tasks()).isNotEmpty();
    }

    @Test
    void fillsInEveryDefaultForAMinimalJob() {
        Validation.Valid valid = accept("minimal-defaults.json");
        JobSpec job = valid.job();
        TaskSpec task = job.tasks().get(0);

        assertThat(valid.placement()).isNull();
        assertThat(valid.clientToken()).isNull();
        assertThat(job.jobName()).isEmpty();
        assertThat(job.priority()).isZero();
        assertThat(job.taskExecutionDependOn()).isEqualTo(DependOn.PRE_TASK_SUCCEED);
        assertThat(job.stateIfCreateCvmFailed()).isEqualTo("FAILED");
        assertThat(job.dependences()).isEmpty();
        assertThat(job.tags()).isEmpty();
        assertThat(task.taskInstanceNum()).isEqualTo(1);
        assertThat(task.maxRetryCount()).isZero();
        assertThat(task.timeout()).isEqualTo(86_400L);
        assertThat(task.failedAction()).isEqualTo(FailedAction.TERMINATE);
        assertThat(task.maxConcurrentNum()).isNull();
        assertThat(task.resourceMaxRetryCount()).isZero();
        assertThat(task.inputMappings()).isEmpty();
        assertThat(task.outputMappings()).isEmpty();
        assertThat(task.envVars()).isEmpty();
        assertThat(task.authentications()).isEmpty();
        assertThat(task.redirectInfo()).isNull();
        assertThat(task.application().deliveryForm()).isEqualTo(DeliveryForm.LOCAL);
    }

    @Test
    void keepsUnusualTaskNamesByteIdentical() {
        JobSpec job = accept("c04-names-ok.json").job();
        List<String> expected =
                List.of("2e28bd01-bd05-11eb-ada6-7354cd06d1c4", "数据 清洗 (v2)", "split");

        assertThat(job.tasks()).extracting(TaskSpec::taskName).containsExactlyElementsOf(expected);
        assertThat(job.tasks().get(1).taskName().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(expected.get(1).getBytes(StandardCharsets.UTF_8));
        assertThat(job.dependences())
                .containsExactly(
                        new Dependence(expected.get(0), expected.get(1)),
                        new Dependence(expected.get(1), expected.get(2)));
    }

    @Test
    void treatsNamesThatDifferOnlyInCaseAsDistinctTasks() {
        JobSpec job = accept("c03-case-distinct.json").job();

        assertThat(job.tasks()).extracting(TaskSpec::taskName).containsExactly("A", "a");
        assertThat(job.dependences()).containsExactly(new Dependence("A", "a"));
    }

    @Test
    void keepsEnvVarValuesExactlyAsSent() {
        TaskSpec task = accept("c19-quoting.json").job().tasks().get(0);

        assertThat(task.envVars())
                .containsExactly(
                        new EnvVar("V1", "a\"b'c $HOME `id` \\n"),
                        new EnvVar("V2", "line1\nline2"),
                        new EnvVar("V3", ""),
                        new EnvVar("V4", "ünï 😀"));
        assertThat(task.application().command())
                .isEqualTo(
                        "sh -c 'printf \"[%s]\\n\" \"$V1\" \"$V2\" \"$V3\" \"$V4\";"
                                + " echo \"a;b|c&d\" | sed \"s/;/-/\"'");
    }

    @Test
    void keepsARepeatedDependenceOnce() {
        JobSpec job = accept("duplicate-edges-deduplicated.json").job();

        assertThat(job.dependences()).containsExactly(new Dependence("A", "B"));
    }

    @Test
    void acceptsAndIgnoresNotifications() {
        JobSpec job = accept("notifications-ignored.json").job();

        assertThat(job.jobName()).isEqualTo("extras");
        assertThat(job.tasks()).extracting(TaskSpec::taskName).containsExactly("T");
    }

    @Test
    void keepsThePriorityTheJobAsksFor() {
        assertThat(accept("c22-high.json").job().priority()).isEqualTo(100);
        assertThat(accept("c22-low.json").job().tasks().get(0).taskInstanceNum()).isEqualTo(4);
    }

    @Test
    void mapsEveryFieldOfAFullyFeaturedJob() {
        Validation.Valid valid = accept("full-featured.json");
        JobSpec job = valid.job();
        TaskSpec prepare = job.tasks().get(0);

        assertThat(valid.placement().zone()).isEqualTo("ap-guangzhou-2");
        assertThat(valid.placement().projectId()).isZero();
        assertThat(valid.clientToken()).isEqualTo("retry-token-0001");
        assertThat(job.jobDescription()).isEqualTo("every field");
        assertThat(job.priority()).isEqualTo(50);
        assertThat(job.taskExecutionDependOn()).isEqualTo(DependOn.PRE_TASK_FINISHED);
        assertThat(job.stateIfCreateCvmFailed()).isEqualTo("RUNNABLE");
        assertThat(job.tags()).singleElement().extracting("key").isEqualTo("team");
        assertThat(prepare.taskInstanceNum()).isEqualTo(3);
        assertThat(prepare.application().deliveryForm()).isEqualTo(DeliveryForm.PACKAGE);
        assertThat(prepare.application().packagePath()).isEqualTo("https://example.com/app.tar.gz");
        assertThat(prepare.application().docker().image()).isEqualTo("ubuntu:22.04");
        assertThat(prepare.computeEnv().envData().instanceTypes())
                .containsExactly("S5.SMALL2", "S5.MEDIUM4");
        assertThat(prepare.computeEnv().envData().systemDisk().path("DiskSize").asInt())
                .isEqualTo(50);
        assertThat(prepare.redirectInfo().stdoutRedirectFileName())
                .isEqualTo(
                        "out.${BATCH_JOB_ID}.${BATCH_TASK_NAME}.${BATCH_TASK_INSTANCE_INDEX}.log");
        assertThat(prepare.inputMappings()).hasSize(2);
        assertThat(prepare.inputMappings().get(0).mountOptionParameter()).isEqualTo("ro");
        assertThat(prepare.outputMappings().get(0).destinationPath())
                .isEqualTo("cos://test-bucket/out/");
        assertThat(prepare.authentications().get(0).secretKey()).isEqualTo("secret");
        assertThat(prepare.failedAction()).isEqualTo(FailedAction.INTERRUPT);
        assertThat(prepare.maxRetryCount()).isEqualTo(5);
        assertThat(prepare.timeout()).isEqualTo(3600L);
        assertThat(prepare.maxConcurrentNum()).isEqualTo(2);
        assertThat(prepare.resourceMaxRetryCount()).isEqualTo(100);
        assertThat(job.tasks().get(1).envId()).isEqualTo("env-abc");
    }

    private Validation.Valid accept(String file) {
        Validation outcome = validator.validate(Fixtures.read("jobs/valid/" + file));
        assertThat(outcome).as("%s", outcome).isInstanceOf(Validation.Valid.class);
        return (Validation.Valid) outcome;
    }
}
