package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Test
    void cpuTicksAreUtimePlusStime() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (java) S 1 4242 4242 0 -1 4194560 95123 0 12 0 1234 567 0 0 20 0 45 0 "
                + "81234 5000000000 120000 18446744073709551615";

        assertThat(ProcStats.cpuTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "77 (my (odd) name ) R 1 77 77 0 -1 0 0 0 0 0 10 20 0 0 20 0 1 0 5 100 10";

        assertThat(ProcStats.cpuTicks(stat)).isEqualTo(30);
    }

    @Test
    void refusesWhatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcStats.cpuTicks("no parenthesis here"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStats.cpuTicks("1 (x) S 1 2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void peakRssIsVmHwmInBytes() {
        String status =
                "Name:\tjava\nState:\tS (sleeping)\nVmPeak:\t 6000000 kB\nVmHWM:\t  498712 kB\nVmRSS:\t  400000 kB\n";

        assertThat(ProcStats.peakRssBytes(status)).isEqualTo(OptionalLong.of(498712L * 1024));
        assertThat(ProcStats.peakRssBytes("Name:\tkthreadd\n")).isEmpty();
    }

    @Test
    void loadAveragesAreTheFirstThreeFields() {
        assertThat(ProcStats.loadAverages("1.20 0.95 0.60 3/512 12345\n")).isEqualTo("1.20 / 0.95 / 0.60");
        assertThatThrownBy(() -> ProcStats.loadAverages("1.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsThisProcessOnLinux() {
        long pid = ProcessHandle.current().pid();
        if (!new java.io.File("/proc/self/stat").exists()) {
            assertThat(ProcStats.readCpuTicks(pid)).isEmpty();
            return;
        }
        assertThat(ProcStats.readCpuTicks(pid)).isPresent();
        assertThat(ProcStats.readPeakRss(pid).orElseThrow()).isPositive();
        assertThat(ProcStats.clockTicksPerSecond()).isPositive();
    }
}
