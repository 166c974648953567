package io.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./newsline demo --serve} as a user runs it: it prints the page's URL after the timelines, the page and the
 * API answer there for as long as it runs, and stopping it (SIGTERM here: the same shutdown hooks as Ctrl-C, which
 * a process started in the background may not receive) stops everything it started.
 */
@Timeout(420)
class DemoServeIT {
    private static final Pattern URL = Pattern.compile("Timelines page: (http://\\S+)");

    @TempDir
    Path dataDir;

    @AfterEach
    void killLeftovers() {
        LauncherProcess.killProcessesMentioning(dataDir);
    }

    @Test
    void printsThePagesUrlServesItUntilStoppedAndThenLeavesNothingRunning() throws Exception {
        Path root = LauncherProcess.repositoryRoot();
        Path stdout = dataDir.resolve("stdout.txt");
        Process demo = new ProcessBuilder(List.of(
                        root.resolve("newsline").toString(), "demo", "--serve", "--data-dir", dataDir.toString()))
                .directory(root.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(dataDir.resolve("stderr.txt").toFile())
                .start();
        try {
            String[] url = new String[1];
            await().atMost(Duration.ofSeconds(400))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        assertThat(demo.isAlive())
                                .as("demo exited early: %s", stderr())
                                .isTrue();
                        Matcher found = URL.matcher(Files.readString(stdout, StandardCharsets.UTF_8));
                        url[0] = found.find() ? found.group(1) : null;
                        return url[0] != null;
                    });
            URI page = URI.create(url[0]);
            assertThat(page.getHost()).isEqualTo("127.0.0.1");
            assertThat(Files.readString(stdout, StandardCharsets.UTF_8))
                    .contains("Benjamin Netanyahu  (person, benjamin-netanyahu, 2 articles)");

            assertThat(get(page).body()).contains("Search topics");
            HttpResponse<String> timeline = get(page.resolve("/api/topics/benjamin-netanyahu"));
            assertThat(timeline.statusCode()).isEqualTo(200);
            JsonNode json = new ObjectMapper().readTree(timeline.body());
            assertThat(json.get("totalEntries").asInt()).isEqualTo(2);
            assertThat(json.get("entries")).hasSize(2);

            demo.destroy(); // SIGTERM
            assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as(stderr()).isTrue();
            assertThat(LauncherProcess.processesMentioning(dataDir)).isEmpty();
            assertThat(stderr()).contains("stopping the streams app").doesNotContain("FAILED");
        } finally {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }

    private String stderr() throws IOException {
        return Files.readString(dataDir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
