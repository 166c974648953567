package io.newsline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** What Linux's /proc says about a process and the machine; the parsing is separate from the reading for tests. */
public final class ProcStats {
    private ProcStats() {}

    /**
     * utime + stime (fields 14 and 15 of {@code /proc/<pid>/stat}), in clock ticks: user and system CPU of every
     * thread of the process. The command name (field 2) is in parentheses and may itself contain spaces and
     * parentheses, so the fields are counted from the last ')'.
     */
    public static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        if (fields.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + stat);
        }
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /** Peak resident set size (VmHWM) in bytes from {@code /proc/<pid>/status}, if the line is there. */
    public static OptionalLong peakRssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                if (parts.length > 1 && !parts[1].equalsIgnoreCase("kB")) {
                    throw new IllegalArgumentException("unexpected VmHWM unit: " + line);
                }
                return OptionalLong.of(value * 1024);
            }
        }
        return OptionalLong.empty();
    }

    /** The three load averages of {@code /proc/loadavg}, as "1.20 / 0.95 / 0.60" (1, 5, 15 min). */
    public static String loadAverages(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException("not a /proc/loadavg line: " + loadavg);
        }
        return fields[0] + " / " + fields[1] + " / " + fields[2];
    }

    public static OptionalLong readCpuTicks(long pid) {
        try {
            return OptionalLong.of(cpuTicks(read(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // gone, or not Linux
        }
    }

    public static OptionalLong readPeakRss(long pid) {
        try {
            return peakRssBytes(read(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    public static String readLoadAverages() {
        try {
            return loadAverages(read(Path.of("/proc/loadavg")));
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static volatile long clockTicks;

    /** Clock ticks per second ({@code getconf CLK_TCK}); 100 on every usual Linux, used if getconf is missing. */
    public static long clockTicksPerSecond() {
        if (clockTicks == 0) {
            long ticks = 100;
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                    ticks = Long.parseLong(out);
                }
            } catch (IOException | NumberFormatException e) {
                // keep 100
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clockTicks = ticks;
        }
        return clockTicks;
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.ISO_8859_1);
    }
}
