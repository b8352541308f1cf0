package dev.drover.cli.api;

/** Nothing answers at the API's address. */
public final class NotRunning extends RuntimeException {

    public NotRunning(String api) {
        super("Drover is not running at " + api + ": start it with ./drover up");
    }
}
