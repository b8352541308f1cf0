package dev.drover.cloudstub.tencent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TC3-HMAC-SHA256 as Tencent Cloud API v3 checks it: canonical request over the method, path "/",
 * empty query, the signed headers {@code content-type;host} and the body's SHA-256; credential
 * scope {@code <date>/<service>/tc3_request}; the key derived from {@code "TC3" + SecretKey} by
 * date, service and "tc3_request". A timestamp more than five minutes off is refused before the
 * signature is looked at, as Tencent does.
 */
final class Tc3Signature {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private static final Pattern AUTHORIZATION =
            Pattern.compile(
                    "^TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([a-z0-9]+)"
                            + "/tc3_request, SignedHeaders=([a-z0-9;-]+),"
                            + " Signature=([0-9a-f]{64})$");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signature() {}

    /** Who signed and for which service, once the signature has been checked. */
    record Signed(String secretId, String service) {}

    /**
     * Checks a request; throws the error Tencent answers with when it does not pass.
     *
     * @param headers request headers, names in lower case
     * @param secrets SecretId to SecretKey of the known accounts
     */
    static Signed verify(
            String method,
            Map<String, String> headers,
            byte[] body,
            Map<String, String> secrets,
            Instant now) {
        String authorization = headers.getOrDefault("authorization", "");
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            throw new ApiError("AuthFailure.InvalidAuthorization", "Authorization is malformed.");
        }
        String secretId = m.group(1);
        String date = m.group(2);
        String service = m.group(3);
        String signedHeaders = m.group(4);
        long timestamp = parseTimestamp(headers.get("x-tc-timestamp"));
        Duration skew = Duration.between(Instant.ofEpochSecond(timestamp), now).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            throw new ApiError(
                    "AuthFailure.SignatureExpire",
                    "Signature expired, timestamp is more than 5 minutes away from server time.");
        }
        String secretKey = secrets.get(secretId);
        if (secretKey == null) {
            throw new ApiError("AuthFailure.SecretIdNotFound", "The SecretId is not found.");
        }
        String expected =
                sign(method, headers, signedHeaders, body, secretKey, service, date, timestamp);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                m.group(5).getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiError(
                    "AuthFailure.SignatureFailure",
                    "The provided credentials could not be validated.");
        }
        return new Signed(secretId, service);
    }

    /** The hex signature of a request; also what a test client signs with. */
    static String sign(
            String method,
            Map<String, String> headers,
            String signedHeaders,
            byte[] body,
            String secretKey,
            String service,
            String date,
            long timestamp) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = headers.getOrDefault(name, "");
            canonicalHeaders.append(name).append(':').append(value.trim()).append('\n');
        }
        String canonicalRequest =
                String.join(
                        "\n",
                        method,
                        "/",
                        "",
                        canonicalHeaders.toString(),
                        signedHeaders,
                        hex(sha256(body)));
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign =
                ALGORITHM
                        + "\n"
                        + timestamp
                        + "\n"
                        + scope
                        + "\n"
                        + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] secretDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = hmac(secretDate, service);
        byte[] secretSigning = hmac(secretService, "tc3_request");
        return hex(hmac(secretSigning, stringToSign));
    }

    /** The UTC date of a timestamp, as the credential scope writes it. */
    static String date(long timestamp) {
        return DATE.format(Instant.ofEpochSecond(timestamp));
    }

    private static long parseTimestamp(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new ApiError("InvalidParameter", "X-TC-Timestamp is missing or not a number.");
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
