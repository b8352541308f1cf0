package dev.drover.jobs.tencent;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Checks a call's TC3-HMAC-SHA256 signature against the configured key pairs, in Tencent's order:
 * the header's shape, the timestamp's freshness, the SecretId, the credential scope, then the
 * signature itself (compared in constant time). Every refusal is a {@link TencentError} with
 * Tencent's code; the SecretKey never leaves this class.
 */
@ApplicationScoped
public class Tc3Verifier {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final TencentApiConfig config;
    private final ApiClock clock;

    public Tc3Verifier(TencentApiConfig config, ApiClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Verifies one call.
     *
     * @param method the HTTP method
     * @param path the request path as sent
     * @param query the raw query string, or null
     * @param headers header value by name (case-insensitive), null when absent
     * @param body the raw body bytes
     * @return the SecretId that signed the call
     */
    public String verify(
            String method, String path, String query, UnaryOperator<String> headers, byte[] body) {
        Tc3Authorization authorization = Tc3Authorization.parse(headers.apply("Authorization"));
        long timestamp = timestamp(headers.apply("X-TC-Timestamp"));
        checkFresh(timestamp);
        String secretKey = config.credentials().get(authorization.secretId());
        if (secretKey == null) {
            throw new TencentError(
                    ErrorCodes.SECRET_ID_NOT_FOUND,
                    "SecretId " + authorization.secretId() + " is not configured here");
        }
        checkScope(authorization, timestamp);
        String canonical =
                Tc3Signer.canonicalRequest(
                        method,
                        path,
                        query,
                        canonicalHeaders(authorization, headers),
                        String.join(";", authorization.signedHeaders()),
                        body);
        String expected =
                Tc3Signer.signature(
                        secretKey,
                        authorization.date(),
                        authorization.service(),
                        Tc3Signer.stringToSign(timestamp, authorization.scope(), canonical));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new TencentError(
                    ErrorCodes.SIGNATURE_FAILURE,
                    "the signature does not match; check the SecretKey and that the body and the"
                            + " signed headers are sent as signed");
        }
        return authorization.secretId();
    }

    private static long timestamp(String header) {
        if (header == null || header.isBlank()) {
            throw new TencentError(
                    ErrorCodes.MISSING_PARAMETER, "the X-TC-Timestamp header is missing");
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new TencentError(
                    ErrorCodes.INVALID_PARAMETER,
                    "X-TC-Timestamp must be Unix seconds, got '" + header.trim() + "'");
        }
    }

    private void checkFresh(long timestamp) {
        Instant now = clock.now();
        long skew = Math.abs(now.getEpochSecond() - timestamp);
        if (skew > config.maxClockSkew().toSeconds()) {
            throw new TencentError(
                    ErrorCodes.SIGNATURE_EXPIRE,
                    "X-TC-Timestamp "
                            + timestamp
                            + " is "
                            + Duration.ofSeconds(skew)
                            + " away from the server time "
                            + now.getEpochSecond()
                            + "; at most "
                            + config.maxClockSkew()
                            + " is accepted");
        }
    }

    /**
     * The scope's date must be the timestamp's UTC date. Its service is not pinned to "batch": the
     * SDKs take it from the endpoint's first label, so a client pointed at 127.0.0.1:8080 signs for
     * service "127"; the signature covers whichever service the client named.
     */
    private static void checkScope(Tc3Authorization authorization, long timestamp) {
        if (authorization.service().isEmpty()) {
            throw new TencentError(
                    ErrorCodes.INVALID_AUTHORIZATION, "the credential scope names no service");
        }
        String date = DATE.format(Instant.ofEpochSecond(timestamp));
        if (!date.equals(authorization.date())) {
            throw new TencentError(
                    ErrorCodes.SIGNATURE_FAILURE,
                    "the credential scope date "
                            + authorization.date()
                            + " is not the UTC date of X-TC-Timestamp, "
                            + date);
        }
    }

    /** {@code name:value\n} per signed header; content-type and host must be among them. */
    private static String canonicalHeaders(
            Tc3Authorization authorization, UnaryOperator<String> headers) {
        if (!authorization.signedHeaders().contains("content-type")
                || !authorization.signedHeaders().contains("host")) {
            throw new TencentError(
                    ErrorCodes.INVALID_AUTHORIZATION,
                    "SignedHeaders must include content-type and host");
        }
        StringBuilder canonical = new StringBuilder();
        for (String name : authorization.signedHeaders()) {
            String value = headers.apply(name);
            if (value == null) {
                throw new TencentError(
                        ErrorCodes.INVALID_AUTHORIZATION,
                        "signed header '" + name + "' is not in the request");
            }
            canonical
                    .append(name)
                    .append(':')
                    .append(value.trim().toLowerCase(Locale.ROOT))
                    .append('\n');
        }
        return canonical.toString();
    }
}
