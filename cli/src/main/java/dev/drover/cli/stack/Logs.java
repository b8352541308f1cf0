package dev.drover.cli.stack;

/** Logging of the libraries the CLI carries (Kafka's admin client, zonky's PostgreSQL). */
public final class Logs {

    private Logs() {}

    /**
     * Only warnings and errors from libraries, with a time stamp; call before any logger exists.
     */
    public static void quietLibraries() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss");
        // The admin client warns on every refused connection while the broker boots.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
    }
}
