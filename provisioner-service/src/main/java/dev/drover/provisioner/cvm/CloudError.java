package dev.drover.provisioner.cvm;

/**
 * A Tencent Cloud API call that failed, translated: the Tencent error code (or {@code ClientError}
 * when no answer came), and whether the same call may succeed later.
 */
public final class CloudError extends Exception {

    /** The instance type is sold out in the zone: try the next one. */
    public static final String SOLD_OUT = "ResourceInsufficient.SpecifiedInstanceType";

    private final String code;
    private final boolean transientError;

    public CloudError(String code, boolean transientError, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
        this.transientError = transientError;
    }

    public String code() {
        return code;
    }

    /** Throttling, a server-side hiccup or no answer at all: the same call may succeed later. */
    public boolean isTransient() {
        return transientError;
    }

    /** Capacity of the account or the zone (quota, sold out): creation may succeed later. */
    public boolean isCapacity() {
        return code.startsWith("LimitExceeded")
                || code.startsWith("ResourceInsufficient")
                || code.startsWith("ResourcesSoldOut");
    }

    /** Translates by Tencent's code families; an unknown code is permanent. */
    static CloudError translate(String code, String message, Throwable cause) {
        if (code == null || code.isBlank()) {
            return new CloudError("ClientError", true, message, cause);
        }
        boolean transientCode =
                code.startsWith("RequestLimitExceeded")
                        || code.startsWith("InternalError")
                        || code.equals("ResourceUnavailable")
                        || code.startsWith("FailedOperation.RequestTimeout");
        return new CloudError(code, transientCode, message, cause);
    }
}
