package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompilerCpuTest {
    /** A thread's stat line as Linux writes it: utime and stime are fields 14 and 15. */
    private static String stat(int tid, String comm, long utime, long stime) {
        return tid + " (" + comm + ") S 1 1 1 0 -1 4194368 100 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 30 0 1000 0 0 0";
    }

    @Test
    void onlyTheCompilerThreadsCount() {
        CompilerCpu cpu = new CompilerCpu();
        cpu.note(11, stat(11, "C2 CompilerThre", 300, 20));
        cpu.note(12, stat(12, "C1 CompilerThre", 40, 2));
        cpu.note(13, stat(13, "bench-pipeline-", 9_000, 100));
        cpu.note(14, stat(14, "GC Thread#0", 50, 5));

        assertThat(cpu.ticks()).isEqualTo(362);
    }

    @Test
    void aStoppedCompilerThreadKeepsTheTicksLastSeen() {
        CompilerCpu cpu = new CompilerCpu();
        cpu.note(11, stat(11, "C2 CompilerThre", 100, 0));
        cpu.note(12, stat(12, "C2 CompilerThre", 50, 0));
        // a later sample: thread 12 has ended (absent), thread 11 went on
        cpu.note(11, stat(11, "C2 CompilerThre", 180, 0));

        assertThat(cpu.ticks()).isEqualTo(230);
    }

    @Test
    void aCommandNameWithParenthesesAndSpacesIsReadToTheLastParenthesis() {
        assertThat(CompilerCpu.comm(stat(7, "a (b) c", 1, 1))).isEqualTo("a (b) c");
        assertThat(CompilerCpu.isCompiler("C2 CompilerThre")).isTrue();
        assertThat(CompilerCpu.isCompiler("C2 CompilerThread0")).isTrue();
        assertThat(CompilerCpu.isCompiler("kafka-producer-")).isFalse();
        assertThatThrownBy(() -> CompilerCpu.comm("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRunningJvmsCompilerThreadsAreFoundInProc() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")), "needs Linux /proc");
        CompilerCpu cpu = new CompilerCpu();
        cpu.sample(ProcessHandle.current().pid());
        // HotSpot keeps at least one compiler thread (unless run with -Xint, which the build does not)
        assertThat(cpu.threads()).isPositive();
    }
}
