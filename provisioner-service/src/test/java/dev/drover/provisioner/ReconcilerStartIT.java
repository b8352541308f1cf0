package dev.drover.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's first pass comes at service start, not an interval later: a VM orphaned by a
 * crash before this start goes at once, and a first pass meeting a failing cloud neither stops the
 * start nor the schedule.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@QuarkusTestResource(
        value = ReconcilerStartIT.OrphanBeforeStart.class,
        restrictToAnnotatedClass = true)
class ReconcilerStartIT {

    @Test
    void anOrphanLeftBeforeStartIsTerminatedThoughTheFirstPassFails() {
        // Well under the interval of the default schedule (60s), which would only retry then.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> CloudResource.stub().liveVms().isEmpty());
        assertThat(CloudResource.stub().calls("DescribeInstances"))
                .as("the failed first pass, then the one that found the orphan")
                .isGreaterThanOrEqualTo(2);
    }

    /** The cloud as a provisioner killed with -9 left it, failing the next instance listing. */
    public static class OrphanBeforeStart extends CloudResource {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            try {
                orphanVm("job-before-start");
            } catch (TencentCloudSDKException e) {
                throw new IllegalStateException(e);
            }
            // The first pass gets no usable answer, as from an unreachable API, and fails.
            stub().faults().failNext("DescribeInstances", "InternalError", 1);
            config.put("drover.cvm.api-tries", "1");
            config.put("drover.cvm.reconcile-interval", "2s");
            return config;
        }
    }
}
