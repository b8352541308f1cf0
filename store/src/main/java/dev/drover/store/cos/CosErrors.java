package dev.drover.store.cos;

import com.qcloud.cos.exception.CosClientException;
import com.qcloud.cos.exception.CosServiceException;
import dev.drover.contract.storage.RemotePath;
import dev.drover.store.NoSuchObjectException;
import dev.drover.store.StoreException;

/** cos_api's exceptions as {@link StoreException}s: COS's code, and whether to retry. */
final class CosErrors {

    private CosErrors() {}

    static StoreException translate(RemotePath path, RuntimeException e) {
        if (e instanceof CosServiceException service) {
            return fromService(path, service);
        }
        if (e instanceof CosClientException client) {
            // No answer from COS (connection refused, reset, timeout): another try may get one.
            return new StoreException(
                    "ClientError",
                    true,
                    "COS unreachable for " + path + ": " + client.getMessage(),
                    client);
        }
        return new StoreException("InternalError", false, "COS call failed for " + path, e);
    }

    private static StoreException fromService(RemotePath path, CosServiceException e) {
        int status = e.getStatusCode();
        String code = e.getErrorCode() == null ? "Http" + status : e.getErrorCode();
        if (status == 404) {
            return new NoSuchObjectException(path, code, e);
        }
        boolean retryable = status == 429 || status >= 500 || "SlowDown".equals(code);
        return new StoreException(
                code,
                retryable,
                "COS refused " + path + ": " + status + " " + code + " " + e.getErrorMessage(),
                e);
    }
}
