package io.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.common.Topics;
import io.newsline.local.LocalStack;
import io.newsline.local.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./newsline local up|status|down} as separate processes: the stack outlives {@code up}, {@code down} ends it. */
@Timeout(420)
class LocalCommandIT {
    private static final Duration LIMIT = Duration.ofSeconds(300);

    @TempDir
    Path dataDir;

    @AfterEach
    void stopLeftovers() {
        try {
            LocalStack stack = LocalStack.existing(dataDir.resolve("local"));
            stack.stop(stack.services(), message -> {});
        } finally {
            LauncherProcess.killProcessesMentioning(dataDir);
        }
    }

    @Test
    void upRunsBothInTheBackgroundAndDownLeavesNoProcessBehind() throws Exception {
        int kafkaPort = Processes.freePort();
        String dir = dataDir.toString();
        LauncherProcess.Result up = LauncherProcess.run(
                dataDir,
                LIMIT,
                "local",
                "up",
                "--data-dir",
                dir,
                "--kafka-port",
                Integer.toString(kafkaPort),
                "--controller-port",
                Integer.toString(Processes.freePort()),
                "--registry-port",
                Integer.toString(Processes.freePort()),
                "--partitions",
                "1");
        assertThat(up.exitCode()).as(up.describe()).isZero();

        long kafkaPid = pid("kafka.pid");
        long registryPid = pid("registry.pid");
        // `up` has exited; what it started runs on, on its own.
        assertThat(ProcessHandle.of(kafkaPid))
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(ProcessHandle.of(registryPid))
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:" + kafkaPort))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains(Topics.RAW_ARTICLES, Topics.TIMELINES);
        }

        LauncherProcess.Result status = LauncherProcess.run(dataDir, LIMIT, "local", "status", "--data-dir", dir);
        assertThat(status.exitCode()).as(status.describe()).isZero();
        assertThat(status.stdout())
                .contains("pid " + kafkaPid, "pid " + registryPid, "127.0.0.1:" + kafkaPort)
                .contains("export NEWSLINE_BOOTSTRAP_SERVERS=127.0.0.1:" + kafkaPort);

        LauncherProcess.Result down = LauncherProcess.run(dataDir, LIMIT, "local", "down", "--data-dir", dir);
        assertThat(down.exitCode()).as(down.describe()).isZero();
        assertThat(down.stdout()).contains("pid " + kafkaPid, "pid " + registryPid);

        assertThat(ProcessHandle.of(kafkaPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(registryPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(LauncherProcess.processesMentioning(dataDir)).isEmpty();
        assertThat(dataDir.resolve("local/kafka.pid")).doesNotExist();
        assertThat(dataDir.resolve("local/registry.pid")).doesNotExist();

        LauncherProcess.Result after = LauncherProcess.run(dataDir, LIMIT, "local", "status", "--data-dir", dir);
        assertThat(after.exitCode()).as(after.describe()).isEqualTo(3);
        assertThat(after.stdout()).contains("not running");
    }

    private long pid(String file) throws Exception {
        return Long.parseLong(Files.readString(dataDir.resolve("local").resolve(file), StandardCharsets.US_ASCII)
                .trim());
    }
}
