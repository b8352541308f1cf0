package dev.drover.store;

import dev.drover.contract.storage.RemotePath;

/** The object (or the bucket holding it) does not exist. Permanent. */
public final class NoSuchObjectException extends StoreException {

    public NoSuchObjectException(RemotePath path, String code, Throwable cause) {
        super(code, false, "no such object: " + path, cause);
    }
}
