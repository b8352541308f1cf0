package dev.drover.benchmark;

/**
 * The sizes the scenarios run at.
 *
 * @param chain tasks in the chain
 * @param fanOut instances of the fan-out task
 * @param wide middle tasks of the wide DAG
 * @param submitSmall tasks of the smaller timed submission
 * @param submitLarge tasks of the larger timed submission
 * @param dryRun tasks of the validated chain
 * @param runs runs of each scenario
 */
public record Scale(
        int chain, int fanOut, int wide, int submitSmall, int submitLarge, int dryRun, int runs) {

    /** The sizes of issue 9. */
    public static final Scale FULL = new Scale(200, 10_000, 10_000, 1_000, 10_000, 100_000, 3);

    /** For CI: proves the command works end to end in a couple of minutes. */
    public static final Scale SMALL = new Scale(20, 100, 100, 100, 1_000, 10_000, 1);

    /** {@code full} or {@code small}. */
    public static Scale named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "small" -> SMALL;
            default ->
                    throw new IllegalArgumentException(
                            "unknown scale '" + name + "': full or small");
        };
    }

    /** The same sizes with another number of runs. */
    public Scale withRuns(int value) {
        return new Scale(chain, fanOut, wide, submitSmall, submitLarge, dryRun, value);
    }
}
