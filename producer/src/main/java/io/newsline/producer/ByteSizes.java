package io.newsline.producer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints byte counts with binary units (1 KiB = 1024 bytes), as used by {@code --max-file-size}. */
public final class ByteSizes {
    private static final Pattern SIZE =
            Pattern.compile("\\s*(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\\s*", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {}

    /** {@code 1048576}, {@code 512KiB}, {@code 10M}, {@code 10MB}, {@code 1g}: all units are powers of 1024. */
    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a size; use a number of bytes or e.g. 512KiB, 10MiB, 1GiB");
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        int shift =
                switch (unit.charAt(0)) {
                    case 'k' -> 10;
                    case 'm' -> 20;
                    case 'g' -> 30;
                    default -> 0;
                };
        if (number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return number << shift;
    }

    /** A short human form: {@code 512 B}, {@code 5.8 KiB}, {@code 12.3 MiB}, {@code 1.1 GiB}. */
    public static String format(double bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
