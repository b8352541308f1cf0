package dev.drover.jobs.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tencentcloudapi.batch.v20170312.models.DescribeJobsRequest;
import com.tencentcloudapi.batch.v20170312.models.DescribeJobsResponse;
import com.tencentcloudapi.batch.v20170312.models.DescribeTaskTemplatesRequest;
import com.tencentcloudapi.batch.v20170312.models.TerminateTaskInstanceRequest;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import dev.drover.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each refusal of the protocol layer, provoked through the official SDK. */
@QuarkusTest
@TestProfile(TencentProfile.class)
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.DATABASE_ARG, value = "drover_jobs"))
class TencentAuthIT {

    @TestHTTPResource("/")
    URL service;

    @Test
    void aCorrectlySignedCallIsAnswered() throws Exception {
        DescribeJobsResponse page = Sdk.batch(service).DescribeJobs(new DescribeJobsRequest());
        assertThat(page.getTotalCount()).isNotNull();
        assertThat(page.getRequestId()).isNotBlank();
    }

    @Test
    void aWrongSecretKeyIsASignatureFailure() {
        assertCode(
                () ->
                        Sdk.batch(service, TencentProfile.SECRET_ID, "not-the-key")
                                .DescribeJobs(new DescribeJobsRequest()),
                "AuthFailure.SignatureFailure");
    }

    @Test
    void anUnknownSecretIdIsNotFound() {
        assertCode(
                () ->
                        Sdk.batch(service, "AKIDnobody", TencentProfile.SECRET_KEY)
                                .DescribeJobs(new DescribeJobsRequest()),
                "AuthFailure.SecretIdNotFound");
    }

    /** The server's clock ten minutes ahead is what a client ten minutes behind looks like. */
    @Test
    void aTimestampMoreThanFiveMinutesOffIsExpired() {
        QuarkusMock.installMockForType(
                new ApiClock() {
                    @Override
                    public Instant now() {
                        return Instant.now().plus(Duration.ofMinutes(10));
                    }
                },
                ApiClock.class);
        TencentCloudSDKException refused =
                assertCode(
                        () -> Sdk.batch(service).DescribeJobs(new DescribeJobsRequest()),
                        "AuthFailure.SignatureExpire");
        assertThat(refused.getMessage()).contains("PT5M");
    }

    @Test
    void aClockFourMinutesOffIsStillAccepted() throws Exception {
        QuarkusMock.installMockForType(
                new ApiClock() {
                    @Override
                    public Instant now() {
                        return Instant.now().minus(Duration.ofMinutes(4));
                    }
                },
                ApiClock.class);
        assertThat(Sdk.batch(service).DescribeJobs(new DescribeJobsRequest()).getRequestId())
                .isNotBlank();
    }

    @Test
    void aMadeUpActionIsInvalidAction() {
        assertCode(
                () -> Sdk.common(service, "2017-03-12").call("BrewCoffee", "{}"), "InvalidAction");
    }

    @Test
    void anotherVersionIsNoSuchVersion() {
        assertCode(
                () -> Sdk.common(service, "2020-01-01").call("DescribeJobs", "{}"),
                "NoSuchVersion");
    }

    @Test
    void knownActionsWeDoNotImplementAreUnsupportedWithAReason() {
        TencentCloudSDKException templates =
                assertCode(
                        () ->
                                Sdk.batch(service)
                                        .DescribeTaskTemplates(new DescribeTaskTemplatesRequest()),
                        "UnsupportedOperation");
        assertThat(templates.getMessage()).contains("task templates");
        TerminateTaskInstanceRequest instance = new TerminateTaskInstanceRequest();
        instance.setJobId("job-00000000");
        instance.setTaskName("T");
        instance.setTaskInstanceIndex(0L);
        TencentCloudSDKException terminate =
                assertCode(
                        () -> Sdk.batch(service).TerminateTaskInstance(instance),
                        "UnsupportedOperation");
        assertThat(terminate.getMessage()).contains("TerminateJob");
    }

    @Test
    void aBodyThatIsNotJsonIsAnInvalidParameterNotAServerError() {
        TencentCloudSDKException refused =
                assertCode(
                        () -> Sdk.common(service, "2017-03-12").call("DescribeJobs", "{\"Limit\":"),
                        "InvalidParameter");
        assertThat(refused.getMessage()).contains("not valid JSON");
    }

    @Test
    void anOversizedBodyIsLimitExceededStatingTheLimitInTencentsEnvelope() {
        String body = "{\"JobName\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}";
        TencentCloudSDKException refused =
                assertCode(
                        () -> Sdk.common(service, "2017-03-12").call("SubmitJob", body),
                        "LimitExceeded");
        assertThat(refused.getMessage()).contains("16777216");
    }

    static TencentCloudSDKException assertCode(ThrowingCallable call, String code) {
        TencentCloudSDKException refused =
                catchThrowableOfType(call, TencentCloudSDKException.class);
        assertThat(refused).as("the SDK raised TencentCloudSDKException").isNotNull();
        assertThat(refused.getErrorCode()).as(refused.getMessage()).isEqualTo(code);
        assertThat(refused.getRequestId()).isNotBlank();
        return refused;
    }
}
