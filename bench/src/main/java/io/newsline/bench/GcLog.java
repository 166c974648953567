package io.newsline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap peak from a JVM's unified GC log ({@code -Xlog:gc:file=...}): every collection logs
 * {@code <used before>-><used after>(<committed>)}, and used heap only grows between collections, so the largest
 * "used before" is the peak of used heap up to the last collection.
 */
public final class GcLog {
    private static final Pattern HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private GcLog() {}

    public static OptionalLong peakUsedBytes(String log) {
        Matcher matcher = HEAP.matcher(log);
        long peak = -1;
        while (matcher.find()) {
            peak = Math.max(peak, bytes(matcher.group(1), matcher.group(2)));
        }
        return peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak);
    }

    public static OptionalLong peakUsedBytes(Path file) {
        try {
            return peakUsedBytes(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static long bytes(String value, String unit) {
        long n = Long.parseLong(value);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
