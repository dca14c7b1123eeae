package io.jobmatch.web;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure that came out of the JDBC layer: a 503 with {@code Retry-After} when PostgreSQL cannot be reached (no
 * connection within the pool's {@code connection-timeout}, a connection that broke, the server shutting down), so a
 * client retries instead of seeing a 500; any other database error stays a 500, logged with its stack trace.
 */
final class DatabaseFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);

    private DatabaseFailures() {}

    static HttpResponse<Problem> response(HttpRequest<?> request, RuntimeException e) {
        if (isOutage(e)) {
            LOG.warn("PostgreSQL unavailable for {}: {}", request.getPath(), rootMessage(e));
            return ApiExceptionHandler.response(
                    request, ApiException.unavailable("The database is unavailable; retry shortly"));
        }
        LOG.error("Database error on {}", request.getPath(), e);
        return HttpResponse.<Problem>serverError()
                .contentType(MediaType.of(Problem.MEDIA_TYPE))
                .body(new Problem(
                        "about:blank",
                        "Internal Server Error",
                        500,
                        "Internal error; see the server log",
                        request.getPath(),
                        List.of()));
    }

    /**
     * Whether the cause chain says the database could not be reached: SQLSTATE class 08 (connection exception) or
     * 57P01–57P03 (shutting down, crashed, not accepting connections yet), or the pool or socket giving up.
     */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof ConnectionException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
