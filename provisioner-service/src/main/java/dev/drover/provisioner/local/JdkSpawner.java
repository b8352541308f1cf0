package dev.drover.provisioner.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts commands through the JDK, which cannot make a new session itself: util-linux {@code
 * setsid} does it and then becomes the command, at the price of one more program start.
 */
final class JdkSpawner implements Spawner {

    private static final ProcessBuilder.Redirect NO_INPUT =
            ProcessBuilder.Redirect.from(new File("/dev/null"));

    @Override
    public CommandProcess spawn(List<String> argv, Path cwd, Map<String, String> env)
            throws IOException {
        refuseIfMangled(argv, env);
        List<String> command = new ArrayList<>(argv.size() + 1);
        command.add("setsid");
        command.addAll(argv);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(cwd.toFile()).redirectInput(NO_INPUT);
        builder.environment().clear();
        builder.environment().putAll(env);
        return new JdkProcess(builder.start());
    }

    @Override
    public String describe() {
        return "JDK process launch through setsid";
    }

    // The JDK encodes argv and the environment in the default charset: anything but UTF-8 would
    // silently replace non-ASCII characters, so refuse instead.
    private static void refuseIfMangled(List<String> argv, Map<String, String> env)
            throws IOException {
        if (StandardCharsets.UTF_8.equals(Charset.defaultCharset())) {
            return;
        }
        boolean ascii =
                argv.stream().allMatch(JdkSpawner::isAscii)
                        && env.entrySet().stream()
                                .allMatch(e -> isAscii(e.getKey()) && isAscii(e.getValue()));
        if (!ascii) {
            throw new IOException(
                    "non-ASCII Command or EnvVars need the provisioner JVM in UTF-8"
                            + " (-Dfile.encoding=UTF-8); it runs in "
                            + Charset.defaultCharset());
        }
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }

    private record JdkProcess(Process process) implements CommandProcess {

        @Override
        public long pid() {
            // setsid, not being a group leader when it starts, becomes the command in place.
            return process.pid();
        }

        @Override
        public InputStream stdout() {
            return process.getInputStream();
        }

        @Override
        public InputStream stderr() {
            return process.getErrorStream();
        }

        @Override
        public int waitFor() throws InterruptedException {
            return process.waitFor();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }
    }
}
