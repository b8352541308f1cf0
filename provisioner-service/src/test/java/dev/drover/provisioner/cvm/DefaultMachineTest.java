package dev.drover.provisioner.cvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.contract.EventCodec;
import dev.drover.contract.event.FailureKind;
import dev.drover.contract.spec.EnvData;
import dev.drover.contract.spec.TaskSpec;
import dev.drover.provisioner.attempt.AttemptFailure;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which machine a task gets on the cvm backend when it names none. */
class DefaultMachineTest {

    private static final Optional<String> IMAGE = Optional.of("img-default");
    private static final Optional<String> TYPE = Optional.of("S5.MEDIUM2");

    @Test
    void aTaskWithoutComputeEnvGetsTheConfiguredImageAndType() throws AttemptFailure {
        EnvData env = CvmBackend.envData(task("{}"), IMAGE, TYPE);

        assertThat(env.imageId()).isEqualTo("img-default");
        assertThat(InstanceRequest.types(env)).containsExactly("S5.MEDIUM2");
    }

    @Test
    void theTasksOwnComputeEnvWinsOverTheDefaults() throws AttemptFailure {
        TaskSpec task =
                task(
                        "{\"ComputeEnv\": {\"EnvType\": \"MANAGED\", \"EnvData\":"
                                + " {\"ImageId\": \"img-own\", \"InstanceType\": \"S2.SMALL1\"}}}");

        EnvData env = CvmBackend.envData(task, IMAGE, TYPE);

        assertThat(env.imageId()).isEqualTo("img-own");
        assertThat(InstanceRequest.types(env)).containsExactly("S2.SMALL1");
    }

    @Test
    void withoutDefaultsTheAttemptFailsSetupNamingTheKeys() {
        assertThatThrownBy(() -> CvmBackend.envData(task("{}"), IMAGE, Optional.empty()))
                .isInstanceOfSatisfying(
                        AttemptFailure.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.SETUP))
                .hasMessageContaining("drover.cvm.default-image-id")
                .hasMessageContaining("drover.cvm.default-instance-type");
    }

    @Test
    void anEnvIdIsNotReplacedByTheDefaults() {
        assertThatThrownBy(() -> CvmBackend.envData(task("{\"EnvId\": \"env-1\"}"), IMAGE, TYPE))
                .isInstanceOf(AttemptFailure.class)
                .hasMessageContaining("EnvId");
    }

    private static TaskSpec task(String fields) {
        String base =
                "{\"TaskName\": \"t\", \"TaskInstanceNum\": 1,"
                        + " \"Application\": {\"DeliveryForm\": \"LOCAL\", \"Command\": \"true\"}";
        String json = fields.equals("{}") ? base + "}" : base + ", " + fields.substring(1);
        return EventCodec.decode(json, TaskSpec.class);
    }
}
