package dev.drover.cli.command;

import dev.drover.cli.api.ApiClient;
import dev.drover.cli.stack.StackControl;
import dev.drover.cli.stack.StackHome;
import dev.drover.cli.stack.StackState;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --api} and {@code --home} options every API command takes. Without {@code --api} the
 * API is the one the stack of {@code --home} (or {@code $DROVER_API}, or the default home) serves.
 */
public final class ApiOptions {

    /** Environment variable naming the API when {@code --api} is not given. */
    public static final String ENV = "DROVER_API";

    /** Where {@code drover up} serves the API by default. */
    public static final String DEFAULT = "http://127.0.0.1:8080";

    @Option(
            names = "--api",
            paramLabel = "URL",
            description =
                    "job API base URL (default: the API of the --home stack, else $"
                            + ENV
                            + ", else that of the default home's stack, else "
                            + DEFAULT
                            + ")")
    String api;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description =
                    "use the API of the stack 'drover up --home DIR' started (default: $"
                            + StackHome.ENV
                            + " or ~/.drover)")
    Path home;

    /** A client of the chosen API. */
    public ApiClient client() {
        return new ApiClient(url(), advice());
    }

    /** Why the stack of the chosen home is degraded, if it is. */
    public Optional<String> degraded() {
        return runningState()
                .filter(s -> s.phase() == StackState.Phase.DEGRADED)
                .map(s -> "Drover in " + stackHome().root() + " is degraded: " + s.message());
    }

    String url() {
        if (api != null) {
            return api;
        }
        String env = System.getenv(ENV);
        if (home == null && env != null && !env.isBlank()) {
            return env;
        }
        return StackState.read(stackHome()).map(StackState::api).orElse(DEFAULT);
    }

    /** What to do when nothing answers at the API. */
    private String advice() {
        Optional<String> degraded = degraded();
        if (degraded.isPresent()) {
            return degraded.get();
        }
        if (api == null && runningState().isPresent()) {
            return "its stack in "
                    + stackHome().root()
                    + " runs, but the job-service does not answer (it may be restarting); see "
                    + stackHome().log("job-service");
        }
        return "start it with ./drover up" + (home == null ? "" : " --home " + home);
    }

    /** The state of the chosen home's stack while its supervisor lives. */
    private Optional<StackState> runningState() {
        StackHome stack = stackHome();
        boolean alive =
                new StackControl(stack, new PrintWriter(Writer.nullWriter()))
                        .supervisor()
                        .isPresent();
        return alive ? StackState.read(stack) : Optional.empty();
    }

    private StackHome stackHome() {
        return StackHome.resolve(home);
    }
}
