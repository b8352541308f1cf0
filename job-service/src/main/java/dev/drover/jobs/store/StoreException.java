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

    /**
     * Whether trying the same work again may succeed: a lost or refused connection (class 08, or no
     * SQLSTATE at all, as when the pool times out), a serialization failure (40001), a deadlock
     * (40P01), a server short of resources (53) or shutting down (57P). Anything else, above all
     * data (22) and constraint (23) errors, fails the same way every time.
     */
    public boolean isTransient() {
        String state = sqlState();
        return state == null
                || state.startsWith("08")
                || state.equals("40001")
                || state.equals("40P01")
                || state.startsWith("53")
                || state.startsWith("57P");
    }

    /** Whether the failure is a unique-constraint violation. */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlState());
    }
}
