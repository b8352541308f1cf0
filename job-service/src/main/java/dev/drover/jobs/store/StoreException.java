package dev.drover.jobs.store;

import java.sql.SQLException;

/** A database failure: ours, never the client's, so it is answered with a 500 and logged. */
public final class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The SQLSTATE of the underlying failure, e.g. {@code 23505} for a unique violation. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    /** Whether the failure is a unique-constraint violation. */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlState());
    }
}
