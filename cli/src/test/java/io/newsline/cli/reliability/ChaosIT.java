package io.newsline.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.avro.RawArticle;
import io.newsline.local.KafkaBroker;
import io.newsline.testkit.RealInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slow fault scenarios, run by {@code mvn -Pchaos -pl cli -am verify} (not in CI's default run): the broker
 * killed with SIGKILL and restarted under a running app, and the restore time after kill -9 of the app per 10,000
 * articles. Each prints what it measured, and ends with every article having exactly one outcome.
 */
@Timeout(1800)
class ChaosIT {
    private static final Pattern RESTORED =
            Pattern.compile("Restored store \\S+ from \\S+: (\\d+) records in (\\d+) ms");

    @TempDir
    Path work;

    @Test
    void theBrokerKilledHardAndRestartedUnderTheAppLosesNothingAndDuplicatesNothing() throws Exception {
        KafkaBroker broker = new KafkaBroker(work.resolve("broker"), freePort(), freePort());
        ProcessHandle process = broker.start(false);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.endpoint()));
        AutoCloseable cluster = () -> {
            admin.close(Duration.ofSeconds(5));
            broker.stop();
        };
        try (Pipeline pipeline = Pipeline.on(
                broker.endpoint(), admin, cluster, RealInfrastructure.registry().confluentApiUrl(), work)) {
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                RawArticle article = Articles.story(3_000 + n);
                ids.add(article.getArticleId());
                pipeline.send(article);
            }
            pipeline.startInProcess(Map.of());
            await().atMost(Pipeline.PATIENCE).until(() -> pipeline.outcomes().count() >= 10);

            process.destroyForcibly();
            process.onExit().get();
            long down = System.nanoTime();
            process = broker.start(false);
            long restartedMillis = (System.nanoTime() - down) / 1_000_000;
            for (int n = 100; n < 150; n++) {
                RawArticle article = Articles.story(3_000 + n);
                ids.add(article.getArticleId());
                pipeline.send(article);
            }
            await().atMost(Pipeline.PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> pipeline.outcomes().count() >= ids.size());
            System.out.printf(
                    "broker kill -9: back in %d ms; all %d outcomes %d ms after the kill%n",
                    restartedMillis, ids.size(), (System.nanoTime() - down) / 1_000_000);
            assertThat(pipeline.outcomes().perArticle())
                    .containsOnlyKeys(ids)
                    .allSatisfy((id, count) ->
                            assertThat(count).as("outcomes of " + id).isEqualTo(1));
            pipeline.assertAuditClean();
        }
    }

    @Test
    void restoreTimeAfterKillNineOfTheAppPerTenThousandArticles() throws Exception {
        int articles = Integer.getInteger("newsline.chaos.articles", 10_000);
        try (Pipeline pipeline = Pipeline.start(RealInfrastructure.registry().confluentApiUrl(), work)) {
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < articles; n++) {
                RawArticle article = Articles.story(10_000 + n);
                ids.add(article.getArticleId());
                pipeline.send(article);
            }
            Pipeline.ChildApp first = pipeline.startChild("first");
            await().atMost(Duration.ofMinutes(20))
                    .pollInterval(Duration.ofSeconds(2))
                    .failFast("the app died: " + first.log, () -> !first.process.isAlive())
                    .until(() -> pipeline.outcomes().count() >= articles);
            first.killHard();

            long restarted = System.nanoTime();
            Pipeline.ChildApp second = pipeline.startChild("first"); // same state directory, as after a crash
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> second.logText().contains("-> RUNNING"));
            long runningMillis = (System.nanoTime() - restarted) / 1_000_000;
            long records = 0;
            long storeMillis = 0;
            Matcher matcher = RESTORED.matcher(second.logText());
            while (matcher.find()) {
                records += Long.parseLong(matcher.group(1));
                storeMillis += Long.parseLong(matcher.group(2));
            }
            System.out.printf(
                    "restore after kill -9 with %d articles: RUNNING %d ms after the restart; %d changelog records"
                            + " restored, %d ms summed over store partitions%n",
                    articles, runningMillis, records, storeMillis);
            assertThat(pipeline.outcomes().perArticle()).hasSize(articles);
            pipeline.assertAuditClean();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
