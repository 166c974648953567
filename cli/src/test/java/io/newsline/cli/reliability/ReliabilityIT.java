package io.newsline.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.avro.RawArticle;
import io.newsline.streams.errors.FailureStats;
import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.RealInfrastructure;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing halts, nothing is lost: the real streams app on a real broker and registry, fed what breaks pipelines.
 * Every scenario ends with the check that every article sent has exactly one outcome (enriched, duplicate notice
 * or dead letter) on the outcome topics, read with read_committed.
 */
@Timeout(420)
class ReliabilityIT {
    @TempDir
    Path work;

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonAndTheArticlesAfterThemFlow() throws Exception {
        ApicurioRegistry registry = RealInfrastructure.registry();
        try (Pipeline pipeline = Pipeline.start(registry.confluentApiUrl(), work)) {
            pipeline.startInProcess(Map.of());
            RawArticle good = Articles.story(1);
            byte[] valid = pipeline.serialize(good);
            byte[] random = new byte[512];
            new Random(7).nextBytes(random);
            random[0] = 0x17;
            byte[] magicOne = valid.clone();
            magicOne[0] = 1;
            byte[] unknownId = valid.clone();
            ByteBuffer.wrap(unknownId, 1, 4).putInt(987_654);
            byte[] truncated = Arrays.copyOf(valid, valid.length / 2);

            pipeline.sendBytes("poison-random", random);
            pipeline.sendBytes("poison-magic-1", magicOne);
            pipeline.sendBytes("poison-unknown-id", unknownId);
            pipeline.sendBytes("poison-truncated", truncated);
            pipeline.sendBytes("poison-empty", new byte[0]);
            pipeline.sendBytes("poison-null", null);
            pipeline.send(good);

            Pipeline.Outcomes outcomes = awaitOutcomes(pipeline, 7);
            assertThat(outcomes.enrichedIds()).containsExactly(good.getArticleId());
            assertThat(outcomes.deadLetters())
                    .extracting(Pipeline.DeadLetter::key)
                    .containsExactlyInAnyOrder(
                            "poison-random",
                            "poison-magic-1",
                            "poison-unknown-id",
                            "poison-truncated",
                            "poison-empty",
                            "poison-null");
            assertThat(outcomes.deadLetters()).allSatisfy(dead -> {
                assertThat(dead.exception()).as("reason of " + dead.key()).isNotBlank();
                assertThat(dead.sourceTopic()).isEqualTo("news.articles.raw");
                assertThat(dead.offset()).isNotBlank();
            });
            assertThat(outcomes.deadLetters())
                    .filteredOn(dead -> dead.key().equals("poison-unknown-id"))
                    .singleElement()
                    .satisfies(dead -> assertThat(dead.message()).contains("987654"));
            pipeline.assertAuditClean();
        }
    }

    @Test
    void hostileFilesEndAsResultsOrDeadLettersAndTheArticleAfterThemFlows() throws Exception {
        ApicurioRegistry registry = RealInfrastructure.registry();
        try (Pipeline pipeline = Pipeline.start(registry.confluentApiUrl(), work)) {
            pipeline.startInProcess(Map.of());
            List<RawArticle> hostile = List.of(
                    Articles.raw("nested-divs.html", "text/html", Articles.nestedDivs(20_000)),
                    Articles.raw("unclosed-inline.html", "text/html", Articles.unclosedInlineTags(5_000)),
                    Articles.raw("nul-bytes.txt", "text/plain", "Headline\n\nBody\u0000with\u0000NULs ".repeat(50)),
                    Articles.raw(
                            "only-boilerplate.txt",
                            "text/plain",
                            "Recent Posts\n\nShare this article\n\nSubscribe to our newsletter\n\nCookie settings\n"),
                    Articles.raw(
                            "one-cjk-paragraph.txt",
                            "text/plain",
                            "东京举行新桥开通仪式\n\n市长周一为新桥剪彩。数千名市民参加了仪式，官员表示这座桥将缓解交通拥堵。" + "工程历时三年完成，耗资约五十亿日元。"),
                    Articles.raw(
                            "twelve-megabytes.txt",
                            "text/plain",
                            Articles.story(99)
                                    .getRawText()
                                    .repeat(12
                                            * 1024
                                            * 1024
                                            / Articles.story(99).getRawText().length())));
            for (RawArticle article : hostile) {
                pipeline.send(article);
            }
            RawArticle good = Articles.story(2);
            pipeline.send(good);

            Pipeline.Outcomes outcomes = awaitOutcomes(pipeline, hostile.size() + 1);
            List<String> sent = new ArrayList<>(
                    hostile.stream().map(RawArticle::getArticleId).toList());
            sent.add(good.getArticleId());
            assertThat(outcomes.perArticle()).containsOnlyKeys(sent).allSatisfy((id, count) -> assertThat(count)
                    .as("outcomes of " + id)
                    .isEqualTo(1));
            assertThat(outcomes.enrichedIds()).contains(good.getArticleId());
            assertThat(outcomes.enrichedIds())
                    .as("a one-paragraph CJK article has its body")
                    .contains(hostile.get(4).getArticleId());
            assertThat(outcomes.deadLetters()).allSatisfy(dead -> assertThat(dead.message())
                    .as("dead letter " + dead.key())
                    .isNotBlank());
            pipeline.assertAuditClean();
        }
    }

    @Test
    void aRegistryOutageDeadLettersNoGoodArticleAndTheAppCarriesOnWhenItIsBack() throws Exception {
        ApicurioRegistry registry = ApicurioRegistry.startOnDisk(work.resolve("registry-data"));
        try (Pipeline pipeline = Pipeline.start(registry.confluentApiUrl(), work)) {
            List<RawArticle> articles = new ArrayList<>();
            List<byte[]> serialized = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                RawArticle article = Articles.story(100 + n);
                articles.add(article);
                serialized.add(pipeline.serialize(article)); // registers the schema while the registry is up
            }
            for (int n = 0; n < 10; n++) {
                pipeline.send(articles.get(n));
            }
            registry.close(); // the registry goes away before the app has ever fetched a schema

            long retriedBefore = FailureStats.shared().total(FailureStats.Outcome.RETRIED);
            pipeline.startInProcessNoWait(
                    Map.of("schema.registry.retries", "2", "schema.registry.retry.backoff.ms", "200"));
            for (int n = 10; n < 20; n++) {
                pipeline.sendBytes(articles.get(n).getArticleId(), serialized.get(n));
            }
            await("the app to meet the outage and retry")
                    .dontCatchUncaughtExceptions() // the app's stream threads fail on purpose; they are replaced
                    .atMost(Pipeline.PATIENCE)
                    .until(() -> FailureStats.shared().total(FailureStats.Outcome.RETRIED) > retriedBefore);

            registry = registry.restart();
            Pipeline.Outcomes outcomes = awaitOutcomes(pipeline, 20);
            assertThat(outcomes.deadLetters()).isEmpty();
            assertThat(outcomes.enrichedIds())
                    .containsExactlyInAnyOrderElementsOf(
                            articles.stream().map(RawArticle::getArticleId).toList());
            pipeline.assertAuditClean();
        } finally {
            registry.close();
        }
    }

    @Test
    void theAppKilledMidRunAndRestartedLosesNothingAndDuplicatesNothing() throws Exception {
        ApicurioRegistry registry = RealInfrastructure.registry();
        try (Pipeline pipeline = Pipeline.start(registry.confluentApiUrl(), work)) {
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < 150; n++) {
                RawArticle article = Articles.story(1_000 + n);
                ids.add(article.getArticleId());
                pipeline.send(article);
            }
            Pipeline.ChildApp first = pipeline.startChild("first");
            await("some articles to come through before the kill")
                    .atMost(Pipeline.PATIENCE)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("the app died: " + first.log, () -> !first.process.isAlive())
                    .until(() -> pipeline.outcomes().count() >= 10);
            first.killHard();
            int beforeRestart = pipeline.outcomes().count();

            long restarted = System.nanoTime();
            Pipeline.ChildApp second = pipeline.startChild("second");
            Pipeline.Outcomes outcomes = awaitOutcomes(pipeline, ids.size());
            System.out.printf(
                    "kill -9 after %d of %d outcomes; all %d outcomes %d ms after the restart%n",
                    beforeRestart, ids.size(), ids.size(), (System.nanoTime() - restarted) / 1_000_000);
            assertThat(second.process.isAlive()).isTrue();
            assertThat(outcomes.perArticle()).containsOnlyKeys(ids).allSatisfy((id, count) -> assertThat(count)
                    .as("outcomes of " + id)
                    .isEqualTo(1));
            assertThat(outcomes.enrichedIds()).hasSize(ids.size());
            pipeline.assertAuditClean();
        }
    }

    /** Waits until at least {@code expected} outcomes are on the outcome topics, then reads them once more. */
    private static Pipeline.Outcomes awaitOutcomes(Pipeline pipeline, int expected) {
        await("at least " + expected + " outcomes")
                .dontCatchUncaughtExceptions()
                .atMost(Pipeline.PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.outcomes().count() >= expected);
        return pipeline.outcomes();
    }
}
