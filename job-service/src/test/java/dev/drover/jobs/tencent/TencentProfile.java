package dev.drover.jobs.tencent;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** One configured key pair for the SDK tests; the clock skew limit stays Tencent's default. */
public class TencentProfile implements QuarkusTestProfile {

    static final String SECRET_ID = "AKIDdroverTest0001";
    static final String SECRET_KEY = "drover-test-secret-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("drover.tencent-api.credentials.\"" + SECRET_ID + "\"", SECRET_KEY);
    }
}
