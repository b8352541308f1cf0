package dev.drover.jobs.tencent;

/** Tencent Cloud API v3's common error codes that only this endpoint answers with. */
final class ErrorCodes {

    static final String SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";
    static final String SECRET_ID_NOT_FOUND = "AuthFailure.SecretIdNotFound";
    static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";
    static final String INVALID_AUTHORIZATION = "AuthFailure.InvalidAuthorization";
    static final String MISSING_PARAMETER = "MissingParameter";
    static final String INVALID_PARAMETER = "InvalidParameter";
    static final String INVALID_VALUE = "InvalidParameterValue";
    static final String INVALID_ACTION = "InvalidAction";
    static final String NO_SUCH_VERSION = "NoSuchVersion";
    static final String UNSUPPORTED = "UnsupportedOperation";
    static final String INTERNAL = "InternalError";

    private ErrorCodes() {}
}
