package dev.drover.provisioner.cvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.provisioner.attempt.AttemptId;
import org.junit.jupiter.api.Test;

class InstanceRequestTest {

    @Test
    void clientTokenIsStablePerAttemptAndTypeAndFitsTencentsLimit() {
        AttemptId id = new AttemptId("job-abcdefgh", "Task ü", 3, 2);
        String token = InstanceRequest.clientToken(id, "S5.MEDIUM2");

        assertThat(token).hasSizeLessThanOrEqualTo(64).matches("[\\x21-\\x7e]+");
        assertThat(InstanceRequest.clientToken(id, "S5.MEDIUM2")).isEqualTo(token);
        assertThat(
                        InstanceRequest.clientToken(
                                new AttemptId("job-abcdefgh", "Task ü", 3, 3), "S5.MEDIUM2"))
                .isNotEqualTo(token);
        assertThat(InstanceRequest.clientToken(id, "S5.LARGE4")).isNotEqualTo(token);
    }
}
