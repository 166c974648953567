package io.newsline.streams.errors;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of what the exception handlers did, by outcome and exception class, for this JVM: how many
 * records were dead-lettered, how many failures were treated as transient and retried, and how many could be
 * neither (a failure in a punctuator, which has no source record to dead-letter, and a record of a global store's
 * topic, which the global thread cannot dead-letter: logged and counted, never silent).
 *
 * <p>One instance per JVM because Kafka instantiates the handlers itself, by class name, once per stream thread.
 */
public final class FailureStats {
    public enum Outcome {
        DEAD_LETTERED,
        RETRIED,
        DROPPED_NO_SOURCE,
        /**
         * A record of a global store's topic that could not be applied and was skipped: Kafka Streams 4.3 sends no
         * dead letters from the global thread (KIP-1295 is to add them), so the record stays only on its topic.
         */
        DROPPED_GLOBAL
    }

    private static final FailureStats SHARED = new FailureStats();

    private final Map<Outcome, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    public static FailureStats shared() {
        return SHARED;
    }

    /** Counts one failure; returns the new total for that outcome. */
    public long record(Outcome outcome, Throwable failure) {
        String reason = failure == null ? "unknown" : rootClass(failure);
        counts.computeIfAbsent(outcome, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(reason, r -> new LongAdder())
                .increment();
        return total(outcome);
    }

    public long total(Outcome outcome) {
        return counts.getOrDefault(outcome, Map.of()).values().stream()
                .mapToLong(LongAdder::sum)
                .sum();
    }

    /** Totals by exception class for one outcome, sorted by class name. */
    public Map<String, Long> byReason(Outcome outcome) {
        Map<String, Long> result = new TreeMap<>();
        counts.getOrDefault(outcome, Map.of()).forEach((reason, count) -> result.put(reason, count.sum()));
        return result;
    }

    private static String rootClass(Throwable failure) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 32) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }
}
