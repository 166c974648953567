package io.newsline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {
    @TempDir
    Path temp;

    @Test
    void aPidFileOfAnotherProgramIsNotTakenForOurs() {
        Path pidFile = temp.resolve("kafka.pid");
        Processes.writePid(pidFile, ProcessHandle.current().pid()); // alive, but not started with the marker

        assertThat(Processes.fromPidFile(pidFile, "-Dnewsline.service=kafka@" + temp))
                .isEmpty();
    }

    @Test
    void missingOrGarbledPidFilesMeanNotRunning() throws IOException {
        assertThat(Processes.fromPidFile(temp.resolve("none.pid"), "x")).isEmpty();
        Files.writeString(temp.resolve("bad.pid"), "not a number");
        assertThat(Processes.fromPidFile(temp.resolve("bad.pid"), "x")).isEmpty();
    }

    @Test
    void classDataSharingByJavaVersion() throws IOException {
        Path archive = temp.resolve("cache/x.jsa");

        assertThat(Processes.classDataSharing(21, archive))
                .containsExactly("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
        assertThat(Processes.classDataSharing(17, archive)).containsExactly("-XX:ArchiveClassesAtExit=" + archive);
        Files.writeString(archive, "");
        assertThat(Processes.classDataSharing(17, archive)).contains("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void portsOnLoopback() {
        int port = Processes.freePort();
        assertThat(port).isPositive();
        assertThat(Processes.portFree(port)).isTrue();
        assertThat(Processes.accepts(port)).isFalse();
    }
}
