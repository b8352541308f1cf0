package dev.drover.scheduler.store;

import java.sql.SQLException;

/** A database read failed inside the core's walk; the whole batch is rolled back and retried. */
public final class StoreException extends RuntimeException {

    StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The database's error. */
    public SQLException sqlCause() {
        return (SQLException) getCause();
    }
}
