package dev.drover.cloudstub.tencent;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a test injects into the stub. Every setter takes effect for the next call; {@link #clear}
 * restores a healthy cloud.
 */
public final class Faults {

    /** What CVM answers when an instance type is sold out in the zone. */
    public static final String SOLD_OUT = "ResourceInsufficient.SpecifiedInstanceType";

    /** What CVM answers when the account's instance quota is used up. */
    public static final String QUOTA_EXCEEDED = "LimitExceeded.InstanceQuota";

    /** What every Tencent Cloud API answers when called too often. */
    public static final String THROTTLED = "RequestLimitExceeded";

    private final Set<String> soldOutTypes = ConcurrentHashMap.newKeySet();
    private final Map<String, FailNext> failNext = new ConcurrentHashMap<>();
    private final AtomicInteger throttledCalls = new AtomicInteger();
    private volatile Duration bootTime = Duration.ofMillis(300);
    private volatile Duration shutdownTime = Duration.ofMillis(300);

    private record FailNext(String code, AtomicInteger remaining) {}

    /** RunInstances with this InstanceType fails with {@link #SOLD_OUT} until cleared. */
    public Faults soldOut(String instanceType) {
        soldOutTypes.add(instanceType);
        return this;
    }

    /** The type can be bought again. */
    public Faults restock(String instanceType) {
        soldOutTypes.remove(instanceType);
        return this;
    }

    /** The next {@code times} RunInstances calls fail with {@link #QUOTA_EXCEEDED}. */
    public Faults quotaExceeded(int times) {
        return failNext("RunInstances", QUOTA_EXCEEDED, times);
    }

    /** The next {@code times} calls of {@code action} fail with {@code code}. */
    public Faults failNext(String action, String code, int times) {
        failNext.put(action, new FailNext(code, new AtomicInteger(times)));
        return this;
    }

    /** The next {@code calls} calls of any action fail with {@link #THROTTLED}. */
    public Faults throttleNext(int calls) {
        throttledCalls.set(calls);
        return this;
    }

    /** How long a new instance stays PENDING before it is RUNNING (a slow start when long). */
    public Faults bootTime(Duration time) {
        bootTime = time;
        return this;
    }

    /** How long a terminated instance stays TERMINATING before it is gone. */
    public Faults shutdownTime(Duration time) {
        shutdownTime = time;
        return this;
    }

    /** A healthy cloud with the default (short) boot and shutdown times. */
    public Faults clear() {
        soldOutTypes.clear();
        failNext.clear();
        throttledCalls.set(0);
        bootTime = Duration.ofMillis(300);
        shutdownTime = Duration.ofMillis(300);
        return this;
    }

    Duration bootTime() {
        return bootTime;
    }

    Duration shutdownTime() {
        return shutdownTime;
    }

    boolean isSoldOut(String instanceType) {
        return soldOutTypes.contains(instanceType);
    }

    /** Throws the injected error for this call of {@code action}, if one is due. */
    void before(String action) {
        if (throttledCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ApiError(THROTTLED, "Your request frequency exceeds the limit.");
        }
        FailNext next = failNext.get(action);
        if (next != null && next.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ApiError(next.code(), "Injected fault for " + action + ".");
        }
    }
}
