package io.newsline.producer.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.producer.select.PathSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DirectoryWatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<Path> ready = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private DirectoryWatcher watcher;
    private Thread thread;

    @AfterEach
    void stop() throws InterruptedException {
        if (watcher != null) {
            watcher.stop();
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("run() returned after stop()").isFalse();
        }
    }

    @Test
    void handsOverAFileMovedInUnderItsRealNameButNotTheTemporaryOne() throws IOException {
        start();
        Path temp = Files.writeString(dir.resolve("story.txt.tmp"), "A story");
        Files.move(temp, dir.resolve("story.txt"), StandardCopyOption.ATOMIC_MOVE);

        await().atMost(WAIT).untilAsserted(() -> assertThat(ready).containsExactly(dir.resolve("story.txt")));
        assertThat(problems).isEmpty();
    }

    @Test
    void handsOverFilesInNewSubdirectories() throws IOException {
        start();
        Path sub = Files.createDirectories(dir.resolve("2025/05"));
        Files.writeString(sub.resolve("a.txt"), "A");

        await().atMost(WAIT).untilAsserted(() -> assertThat(ready).contains(sub.resolve("a.txt")));
    }

    @Test
    void handsOverAChangedFileAgain() throws IOException {
        start();
        Path file = Files.writeString(dir.resolve("a.txt"), "first");
        await().atMost(WAIT).untilAsserted(() -> assertThat(ready).containsExactly(file));

        Files.writeString(file, "second version");

        await().atMost(WAIT).untilAsserted(() -> assertThat(ready).containsExactly(file, file));
    }

    @Test
    void ignoresHiddenFilesAndHiddenDirectories() throws IOException {
        start();
        Files.writeString(dir.resolve(".hidden.txt"), "x");
        Files.createDirectories(dir.resolve(".cache"));
        Files.writeString(dir.resolve(".cache/inside.txt"), "x");
        // A visible file written after them: once it is handed over, the earlier events were seen too.
        Files.writeString(dir.resolve("visible.txt"), "x");

        await().atMost(WAIT).untilAsserted(() -> assertThat(ready).contains(dir.resolve("visible.txt")));
        assertThat(ready).containsExactly(dir.resolve("visible.txt"));
    }

    @Test
    void stopEndsRunPromptly() throws Exception {
        start();
        watcher.stop();
        thread.join(WAIT.toMillis());
        assertThat(thread.isAlive()).isFalse();
    }

    private void start() throws IOException {
        watcher = new DirectoryWatcher(
                List.of(dir),
                PathSelector.defaults(),
                Duration.ofMillis(200),
                System::nanoTime,
                (path, detail) -> problems.add(path + ": " + detail));
        thread = new Thread(() -> watcher.run(ready::add), "watcher-test");
        thread.start();
    }
}
