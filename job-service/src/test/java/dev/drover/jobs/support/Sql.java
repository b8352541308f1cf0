package dev.drover.jobs.support;

import dev.drover.localstack.LocalStack;
import dev.drover.localstack.LocalStackResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct access to the job database, to assert rows the API does not show. */
public final class Sql {

    private Sql() {}

    /** The single long value {@code query} returns for {@code args}. */
    public static long count(String query, Object... args) {
        try (Connection c = connect();
                PreparedStatement statement = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** Runs one statement, e.g. DDL that makes the store refuse what a test needs refused. */
    public static void execute(String statement) {
        try (Connection c = connect();
                PreparedStatement prepared = c.prepareStatement(statement)) {
            prepared.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    private static Connection connect() throws SQLException {
        LocalStack stack = LocalStackResource.stack();
        return DriverManager.getConnection(
                stack.jdbcUrl("drover_jobs"), stack.username(), stack.password());
    }
}
