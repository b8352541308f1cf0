package dev.drover.cloudstub.tencent;

/** A Tencent Cloud API error: answered as {@code {"Response":{"Error":{Code,Message}}}}. */
final class ApiError extends RuntimeException {

    private final String code;

    ApiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
