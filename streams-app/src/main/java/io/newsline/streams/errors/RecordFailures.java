package io.newsline.streams.errors;

/**
 * How the topology's steps tell a failure of one record (dead-letter it, carry on) from a failure of the
 * JVM (let it propagate), and how they describe it in a dead-letter reason.
 */
public final class RecordFailures {
    private RecordFailures() {}

    /**
     * Whether {@code t} concerns the whole JVM rather than one record: a {@link VirtualMachineError} other
     * than {@link StackOverflowError} (which is this record's deep input), or a thread being stopped.
     */
    public static boolean isFatal(Throwable t) {
        return (t instanceof VirtualMachineError && !(t instanceof StackOverflowError))
                || t.getClass().getName().equals("java.lang.ThreadDeath");
    }

    /** What failed, for a dead-letter reason: the class and message of {@code t}, and its cause's. */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getName());
        if (t instanceof StackOverflowError) {
            sb.append(" (stack overflow on this input)");
        }
        if (t.getMessage() != null) {
            sb.append(": ").append(abbreviate(t.getMessage()));
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            sb.append("; caused by ").append(cause.getClass().getName());
            if (cause.getMessage() != null) {
                sb.append(": ").append(abbreviate(cause.getMessage()));
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String message) {
        return message.length() <= 300 ? message : message.substring(0, 300) + "\u2026";
    }
}
