package dev.drover.jobs.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verifier's refusals that the SDK cannot be made to provoke (it always signs correctly). */
class Tc3VerifierTest {

    private static final String ID = "AKIDunit";
    private static final String KEY = "unit-key";
    private static final long NOW = 1_800_000_000L;
    private static final byte[] BODY =
            "{\"JobId\":\"job-abcdefgh\"}".getBytes(StandardCharsets.UTF_8);

    private final Tc3Verifier verifier =
            new Tc3Verifier(
                    new TencentApiConfig() {
                        @Override
                        public boolean enabled() {
                            return true;
                        }

                        @Override
                        public Map<String, String> credentials() {
                            return Map.of(ID, KEY);
                        }

                        @Override
                        public Duration maxClockSkew() {
                            return Duration.ofMinutes(5);
                        }

                        @Override
                        public int logCapBytes() {
                            return 2048;
                        }
                    },
                    new ApiClock() {
                        @Override
                        public Instant now() {
                            return Instant.ofEpochSecond(NOW);
                        }
                    });

    @Test
    void aRequestSignedByTheRulesIsAccepted() {
        assertThat(verify(signed(BODY), BODY)).isEqualTo(ID);
    }

    @Test
    void aBodyChangedAfterSigningIsASignatureFailure() {
        byte[] other = "{\"JobId\":\"job-zzzzzzzz\"}".getBytes(StandardCharsets.UTF_8);
        assertCode(() -> verify(signed(BODY), other), ErrorCodes.SIGNATURE_FAILURE);
    }

    @Test
    void aHostChangedAfterSigningIsASignatureFailure() {
        Map<String, String> headers = signed(BODY);
        headers.put("host", "elsewhere:8080");
        assertCode(() -> verify(headers, BODY), ErrorCodes.SIGNATURE_FAILURE);
    }

    @Test
    void aScopeDateOtherThanTheTimestampsIsASignatureFailure() {
        Map<String, String> headers = signed(BODY);
        headers.put(
                "authorization", headers.get("authorization").replace("2027-01-15", "2027-01-14"));
        assertCode(() -> verify(headers, BODY), ErrorCodes.SIGNATURE_FAILURE);
    }

    @Test
    void aMissingOrGarbledAuthorizationIsInvalidAuthorization() {
        Map<String, String> headers = signed(BODY);
        headers.remove("authorization");
        assertCode(() -> verify(headers, BODY), ErrorCodes.INVALID_AUTHORIZATION);
        headers.put("authorization", "TC3-HMAC-SHA256 Credential=AKIDunit, Signature=00");
        assertCode(() -> verify(headers, BODY), ErrorCodes.INVALID_AUTHORIZATION);
        headers.put("authorization", "HMAC-SHA1 whatever");
        assertCode(() -> verify(headers, BODY), ErrorCodes.INVALID_AUTHORIZATION);
    }

    @Test
    void signedHeadersWithoutHostAreInvalidAuthorization() {
        Map<String, String> headers = signed(BODY);
        headers.put(
                "authorization",
                headers.get("authorization").replace("content-type;host", "content-type"));
        assertCode(() -> verify(headers, BODY), ErrorCodes.INVALID_AUTHORIZATION);
    }

    @Test
    void aMissingTimestampIsAMissingParameter() {
        Map<String, String> headers = signed(BODY);
        headers.remove("x-tc-timestamp");
        assertCode(() -> verify(headers, BODY), ErrorCodes.MISSING_PARAMETER);
    }

    @Test
    void exactlyFiveMinutesOffIsAcceptedAndOneSecondMoreIsExpired() {
        assertThat(verify(signed(BODY, NOW - 300), BODY)).isEqualTo(ID);
        assertCode(() -> verify(signed(BODY, NOW + 301), BODY), ErrorCodes.SIGNATURE_EXPIRE);
    }

    private String verify(Map<String, String> headers, byte[] body) {
        return verifier.verify(
                "POST", "/", null, name -> headers.get(name.toLowerCase(Locale.ROOT)), body);
    }

    private static Map<String, String> signed(byte[] body) {
        return signed(body, NOW);
    }

    /** Signs as a client would: content-type and host, scope date from the timestamp. */
    private static Map<String, String> signed(byte[] body, long timestamp) {
        String date =
                java.time.LocalDate.ofInstant(
                                Instant.ofEpochSecond(timestamp), java.time.ZoneOffset.UTC)
                        .toString();
        String canonical =
                Tc3Signer.canonicalRequest(
                        "POST",
                        "/",
                        "",
                        "content-type:application/json; charset=utf-8\nhost:127.0.0.1:8080\n",
                        "content-type;host",
                        body);
        String scope = date + "/127/tc3_request";
        String signature =
                Tc3Signer.signature(
                        KEY, date, "127", Tc3Signer.stringToSign(timestamp, scope, canonical));
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("host", "127.0.0.1:8080");
        headers.put("x-tc-timestamp", Long.toString(timestamp));
        headers.put(
                "authorization",
                "TC3-HMAC-SHA256 Credential="
                        + ID
                        + "/"
                        + scope
                        + ", SignedHeaders=content-type;host, Signature="
                        + signature);
        return headers;
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run)
                .isInstanceOf(TencentError.class)
                .extracting(e -> ((TencentError) e).code())
                .isEqualTo(code);
    }
}
