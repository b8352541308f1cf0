package dev.drover.jobs.tencent;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed {@code Authorization} header of Tencent Cloud API v3: {@code TC3-HMAC-SHA256
 * Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=a;b, Signature=<hex>}.
 *
 * @param secretId who claims to sign
 * @param date the credential scope's UTC date, yyyy-MM-dd
 * @param service the credential scope's service, {@code batch} for us
 * @param signedHeaders lower-case header names in the order they were signed
 * @param signature lower-case hex HMAC-SHA256
 */
record Tc3Authorization(
        String secretId,
        String date,
        String service,
        List<String> signedHeaders,
        String signature) {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String TERMINATOR = "tc3_request";

    /** The credential scope as it enters the string to sign. */
    String scope() {
        return date + "/" + service + "/" + TERMINATOR;
    }

    /** Parses {@code header}; throws {@code AuthFailure.InvalidAuthorization} naming the fault. */
    static Tc3Authorization parse(String header) {
        if (header == null || header.isBlank()) {
            throw invalid("the Authorization header is missing");
        }
        String trimmed = header.trim();
        if (!trimmed.startsWith(ALGORITHM + " ")) {
            throw invalid("Authorization must use " + ALGORITHM);
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : trimmed.substring(ALGORITHM.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw invalid("Authorization part '" + part.trim() + "' is not name=value");
            }
            parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        String[] credential = required(parts, "Credential").split("/", -1);
        if (credential.length != 4 || !TERMINATOR.equals(credential[3])) {
            throw invalid("Credential must be <SecretId>/<date>/<service>/" + TERMINATOR);
        }
        List<String> signed =
                List.of(required(parts, "SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
        return new Tc3Authorization(
                credential[0],
                credential[1],
                credential[2],
                signed,
                required(parts, "Signature").toLowerCase(Locale.ROOT));
    }

    private static String required(Map<String, String> parts, String name) {
        String value = parts.get(name);
        if (value == null || value.isEmpty()) {
            throw invalid("Authorization lacks " + name);
        }
        return value;
    }

    private static TencentError invalid(String message) {
        return new TencentError(ErrorCodes.INVALID_AUTHORIZATION, message);
    }
}
