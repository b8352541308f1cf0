package dev.drover.cli.api;

/** Nothing answers at the API's address. */
public final class NotRunning extends RuntimeException {

    public NotRunning(String api) {
        this(api, "start it with ./drover up");
    }

    /** Nothing answers at {@code api}; {@code advice} says what to do about it. */
    public NotRunning(String api, String advice) {
        super("Drover is not running at " + api + ": " + advice);
    }
}
