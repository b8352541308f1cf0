package dev.drover.cli.command;

import dev.drover.cli.api.ApiClient;
import picocli.CommandLine.Option;

/** The {@code --api} option every API command takes. */
public final class ApiOptions {

    /** Environment variable naming the API when {@code --api} is not given. */
    public static final String ENV = "DROVER_API";

    /** Where {@code drover up} serves the API by default. */
    public static final String DEFAULT = "http://127.0.0.1:8080";

    @Option(
            names = "--api",
            paramLabel = "URL",
            description = "job API base URL (default: $" + ENV + " or " + DEFAULT + ")")
    String api;

    /** A client of the chosen API. */
    public ApiClient client() {
        if (api != null) {
            return new ApiClient(api);
        }
        String env = System.getenv(ENV);
        return new ApiClient(env == null || env.isBlank() ? DEFAULT : env);
    }
}
