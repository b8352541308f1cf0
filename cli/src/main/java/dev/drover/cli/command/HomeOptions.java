package dev.drover.cli.command;

import dev.drover.cli.stack.StackHome;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home} option of the commands that manage a local stack. */
public final class HomeOptions {

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "state directory (default: $" + StackHome.ENV + " or ~/.drover)")
    Path home;

    /** The chosen home. */
    public StackHome home() {
        return StackHome.resolve(home);
    }
}
