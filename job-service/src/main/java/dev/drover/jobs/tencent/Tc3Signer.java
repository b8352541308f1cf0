package dev.drover.jobs.tencent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The TC3-HMAC-SHA256 computations, pure: canonical request, string to sign, signature. */
final class Tc3Signer {

    private static final HexFormat HEX = HexFormat.of();

    private Tc3Signer() {}

    /**
     * The canonical request: method, path, query, the signed headers as {@code name:value\n}
     * (values trimmed and lower-cased), the signed header list and the body's SHA-256.
     */
    static String canonicalRequest(
            String method,
            String path,
            String query,
            String canonicalHeaders,
            String signedHeaders,
            byte[] body) {
        return method
                + "\n"
                + path
                + "\n"
                + (query == null ? "" : query)
                + "\n"
                + canonicalHeaders
                + "\n"
                + signedHeaders
                + "\n"
                + sha256Hex(body);
    }

    static String stringToSign(long timestamp, String scope, String canonicalRequest) {
        return Tc3Authorization.ALGORITHM
                + "\n"
                + timestamp
                + "\n"
                + scope
                + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC chain "TC3"+key, date, service, "tc3_request", then over the string to sign. */
    static String signature(String secretKey, String date, String service, String stringToSign) {
        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, Tc3Authorization.TERMINATOR);
        return HEX.formatHex(hmac(key, stringToSign));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
