package io.newsline.ops.dlq;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which dead letters a {@code dlq} command works on: those whose reason (exception class or message) contains
 * {@code reason}, ignoring case, and whose timestamp is at or after {@code since}; null means no condition.
 */
public record DeadLetterFilter(String reason, Instant since) implements Predicate<DeadLetter> {
    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null);

    @Override
    public boolean test(DeadLetter deadLetter) {
        if (since != null && deadLetter.timestamp().isBefore(since)) {
            return false;
        }
        if (reason != null && !reason.isEmpty()) {
            String wanted = reason.toLowerCase(Locale.ROOT);
            return deadLetter.exceptionClass().toLowerCase(Locale.ROOT).contains(wanted)
                    || deadLetter.message().toLowerCase(Locale.ROOT).contains(wanted);
        }
        return true;
    }

    /** For the summary: what was asked for, e.g. {@code reason ~ "no body", since 2026-12-01T10:00:00Z}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (reason != null && !reason.isEmpty()) {
            text.append("reason ~ \"").append(reason).append('"');
        }
        if (since != null) {
            text.append(text.isEmpty() ? "" : ", ").append("since ").append(since.truncatedTo(ChronoUnit.SECONDS));
        }
        return text.toString();
    }
}
