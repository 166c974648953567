package io.newsline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU ticks of a JVM's JIT compiler threads (HotSpot names them {@code C1 CompilerThreadN} and {@code C2
 * CompilerThreadN}; Linux keeps the first 15 characters), from {@code /proc/<pid>/task/<tid>/stat}.
 *
 * <p>Why: in a run of a few thousand articles the compiler is still at work after the warm-up mark, and code that
 * runs only with one setting (a stage switched on) adds compile work that a long-running app pays once. The bench
 * reports the steady-state CPU with and without it, so that a stage's cost per article is not read as its one-off
 * compile cost. HotSpot starts and stops compiler threads with the load ({@code UseDynamicNumberOfCompilerThreads}),
 * and a stopped thread's ticks leave {@code /proc}: each thread's last ticks seen are kept, so call {@link #sample}
 * often (an idle thread is the one stopped, so little is lost between the last sample and its end).
 */
final class CompilerCpu {
    private final Map<Integer, Long> lastTicks = new HashMap<>();

    /** Whether a thread's command name (field 2 of its stat line, without the parentheses) is a JIT compiler's. */
    static boolean isCompiler(String comm) {
        return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
    }

    /** The command name of a {@code /proc/.../stat} line: between the first '(' and the last ')'. */
    static String comm(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        return stat.substring(open + 1, close);
    }

    /** Notes the ticks of one thread's stat line if it is a compiler thread's. */
    void note(int tid, String stat) {
        if (isCompiler(comm(stat))) {
            lastTicks.merge(tid, ProcStats.cpuTicks(stat), Math::max);
        }
    }

    /** Reads every thread of {@code pid}; a thread gone meanwhile (or not Linux) is skipped. */
    void sample(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    note(
                            Integer.parseInt(thread.getFileName().toString()),
                            Files.readString(thread.resolve("stat"), StandardCharsets.ISO_8859_1));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended, or no /proc here
        }
    }

    /** How many compiler threads were seen so far. */
    int threads() {
        return lastTicks.size();
    }

    /** The compiler threads' ticks so far, stopped threads included. */
    long ticks() {
        return lastTicks.values().stream().mapToLong(Long::longValue).sum();
    }
}
