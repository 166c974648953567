package io.newsline.ops.dlq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --since}: an ISO-8601 instant ({@code 2026-12-01T10:00:00Z}, or with an offset), a date-time
 * without zone or a date (both UTC), an ISO-8601 duration ({@code PT2H}, {@code P1D}) or a short one ({@code 90s},
 * {@code 30m}, {@code 2h}, {@code 7d}) counted back from now.
 */
public final class Since {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|w)");

    private Since() {}

    /** @throws IllegalArgumentException with the accepted forms */
    public static Instant parse(String text, Clock clock) {
        String value = text.trim();
        try {
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                return clock.instant().minus(Duration.parse(value.toUpperCase(Locale.ROOT)));
            }
            Matcher matcher = SHORT.matcher(value.toLowerCase(Locale.ROOT));
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                Duration duration =
                        switch (matcher.group(2)) {
                            case "ms" -> Duration.ofMillis(amount);
                            case "s" -> Duration.ofSeconds(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            case "h" -> Duration.ofHours(amount);
                            case "d" -> Duration.ofDays(amount);
                            default -> Duration.ofDays(7 * amount);
                        };
                return clock.instant().minus(duration);
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value.endsWith("Z") || value.endsWith("z")) {
                return Instant.parse(value.toUpperCase(Locale.ROOT));
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("--since '" + text + "' is neither a time nor a duration: use e.g."
                    + " 2026-12-01T10:00:00Z, 2026-12-01 (UTC), PT2H, 30m, 2h or 7d");
        }
    }
}
