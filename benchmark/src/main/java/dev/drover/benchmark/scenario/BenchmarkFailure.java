package dev.drover.benchmark.scenario;

/** A job of the benchmark did not succeed, or the stack did not answer: the run is invalid. */
public final class BenchmarkFailure extends RuntimeException {

    public BenchmarkFailure(String message) {
        super(message);
    }
}
