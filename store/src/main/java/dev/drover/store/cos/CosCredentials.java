package dev.drover.store.cos;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Tencent Cloud API key pair for COS: the service's own (environment) or a task's {@code
 * Authentications} entry for another account. {@link #toString} masks both halves, so a key pair
 * that reaches a log line or an exception message leaks nothing.
 */
public record CosCredentials(String secretId, String secretKey) {

    /** Environment variable holding the SecretId, as Tencent's tools name it. */
    public static final String SECRET_ID_ENV = "TENCENTCLOUD_SECRET_ID";

    /** Environment variable holding the SecretKey. */
    public static final String SECRET_KEY_ENV = "TENCENTCLOUD_SECRET_KEY";

    public CosCredentials {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(secretKey, "secretKey");
        if (secretId.isBlank() || secretKey.isBlank()) {
            throw new IllegalArgumentException("COS credentials need a SecretId and a SecretKey");
        }
    }

    /** The pair from {@code TENCENTCLOUD_SECRET_ID}/{@code _KEY}, if both are set. */
    public static Optional<CosCredentials> fromEnvironment(Map<String, String> env) {
        String id = env.get(SECRET_ID_ENV);
        String key = env.get(SECRET_KEY_ENV);
        if (id == null || id.isBlank() || key == null || key.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new CosCredentials(id, key));
    }

    /** The first four characters of the SecretId, enough to tell accounts apart in a log. */
    public String maskedId() {
        return secretId.length() <= 4 ? "****" : secretId.substring(0, 4) + "****";
    }

    @Override
    public String toString() {
        return "CosCredentials[secretId=" + maskedId() + ", secretKey=****]";
    }
}
