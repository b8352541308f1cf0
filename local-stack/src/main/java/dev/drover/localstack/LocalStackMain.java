package dev.drover.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code --dir <path> [--partitions <n>]}. Starts a {@link LocalStack}, prints {@code
 * READY <stack.properties>} and runs until SIGTERM or SIGINT, then stops everything.
 */
public final class LocalStackMain {

    private LocalStackMain() {}

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws InterruptedException {
        Path dir = null;
        int partitions = LocalStack.DEFAULT_PARTITIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value(args, ++i, "--dir"));
                case "--partitions" ->
                        partitions = Integer.parseInt(value(args, ++i, "--partitions"));
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (dir == null) {
            usage("--dir is required");
        }
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(dir, partitions);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and SIGINT run shutdown hooks, never code after the wait below.
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        stack.close();
                                    } finally {
                                        stopped.countDown();
                                    }
                                },
                                "local-stack-shutdown"));
        System.err.printf(
                "local stack up in %d ms: kafka %s, postgres %s%n",
                (System.nanoTime() - started) / 1_000_000,
                stack.bootstrapServers(),
                stack.jdbcUrl(LocalStack.DATABASES.get(0)));
        System.out.println("READY " + stack.propertiesFile());
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: LocalStackMain --dir <path> [--partitions <n>]");
        System.exit(2);
    }
}
