package dev.drover.jobs.tencent;

import static dev.drover.jobs.tencent.TencentAuthIT.assertCode;

import com.tencentcloudapi.batch.v20170312.models.DescribeJobsRequest;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The default configuration holds no key pair: the endpoint is there but lets nobody in. */
@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class TencentUnconfiguredIT {

    @TestHTTPResource("/")
    URL service;

    @Test
    void withNoKeyPairConfiguredEveryCallIsSecretIdNotFound() {
        assertCode(
                () -> Sdk.batch(service).DescribeJobs(new DescribeJobsRequest()),
                "AuthFailure.SecretIdNotFound");
    }
}
