package dev.drover.cli.command;

import dev.drover.cli.stack.Pids;
import dev.drover.cli.stack.StackControl;
import dev.drover.cli.stack.StackHome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code drover down}: stops the stack {@code drover up} started, and checks nothing is left. */
@Command(name = "down", description = "Stop everything 'drover up' started from this home.")
public final class DownCommand implements Callable<Integer> {

    @Mixin HomeOptions homeOptions;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackHome home = homeOptions.home();
        StackControl control = new StackControl(home, out);
        boolean wasRunning = control.supervisor().isPresent();
        List<Pids.Entry> stopped = control.stop();
        if (!wasRunning && stopped.isEmpty()) {
            out.println("Drover is not running from " + home.root());
            return 0;
        }
        out.printf(
                "Drover stopped: %d processes gone (%s)%n",
                stopped.size(), String.join(", ", stopped.stream().map(Pids.Entry::name).toList()));
        return 0;
    }
}
