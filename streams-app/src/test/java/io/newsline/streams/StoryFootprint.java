package io.newsline.streams;

import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.StoryMerge;
import io.newsline.common.Topics;
import io.newsline.serde.SpecificAvroDeserializer;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.streams.story.StorySettings;
import io.newsline.streams.topics.TopologySerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * What the story stage writes per article on its internal topics (records and bytes, key + value as serialized), and
 * what it decided (new stories, merges, and a digest of both to compare two versions of the stage). Deterministic: a
 * {@link TopologyTestDriver} over the whole topology (one partition, a commit after every input record; the matching
 * index never lags, so the rechecks never wait), fed raw article files ({@code .txt}, each folder sorted by path,
 * folders interleaved one file each); wall-clock time advances 10 ms per article, and at the end long enough for
 * every story's looks.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q -o -pl streams-app -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * cd streams-app &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     io.newsline.streams.StoryFootprint max-articles folder...
 * </pre>
 */
public final class StoryFootprint {
    private static final String APP_ID = "story-footprint";
    private static final Instant INGESTED = Instant.parse("2026-01-10T08:00:00Z");

    private StoryFootprint() {}

    public static void main(String[] args) throws IOException {
        int max = Integer.parseInt(args[0]);
        List<Path> files = interleaved(java.util.Arrays.copyOfRange(args, 1, args.length), max);
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        StreamsAppConfig config = StreamsAppConfig.of(
                Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092", StorySettings.ENABLED, "true"));
        Properties properties = new Properties();
        properties.putAll(config.clientSettings());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APP_ID);
        properties.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("story-footprint").toString());
        Map<String, long[]> written = new TreeMap<>();
        MessageDigest decisions = sha256();
        long stories;
        long merges = 0;
        try (TopologyTestDriver driver = new TopologyTestDriver(
                NewslineTopology.build(config, TopologySerdes.withClient(registry)), properties)) {
            TestInputTopic<String, RawArticle> raw = driver.createInputTopic(
                    Topics.RAW_ARTICLES, new StringSerializer(), new SpecificAvroSerializer<>(registry));
            TestOutputTopic<String, EnrichedArticle> enriched = driver.createOutputTopic(
                    Topics.ENRICHED_ARTICLES,
                    new StringDeserializer(),
                    new SpecificAvroDeserializer<>(EnrichedArticle.class, registry));
            TestOutputTopic<String, StoryMerge> merged = driver.createOutputTopic(
                    Topics.STORY_MERGES,
                    new StringDeserializer(),
                    new SpecificAvroDeserializer<>(StoryMerge.class, registry));
            java.util.Set<String> storyIds = new java.util.HashSet<>();
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                RawArticle article = TestArticles.raw(file.getFileName().toString(), text, null, INGESTED);
                raw.pipeInput(article.getArticleId(), article);
                driver.advanceWallClockTime(Duration.ofMillis(10));
                for (EnrichedArticle e : enriched.readValuesToList()) {
                    if (e != null && e.getStoryId() != null) {
                        storyIds.add(e.getStoryId());
                        decisions.update(
                                (e.getArticleId() + ">" + e.getStoryId() + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
                merges += merges(merged, decisions);
            }
            // Every look of every story: up to 40 waits and 1 + 3 + 9 delays, with room to spare.
            for (int i = 0; i < 120; i++) {
                driver.advanceWallClockTime(StorySettings.DEFAULT_RECHECK_DELAY);
                merges += merges(merged, decisions);
            }
            stories = storyIds.size();
            for (String topic : driver.producedTopicNames()) {
                if (!topic.startsWith(APP_ID + "-") || !topic.contains("story")) {
                    continue;
                }
                TestOutputTopic<byte[], byte[]> output =
                        driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                long[] totals = new long[2];
                for (TestRecord<byte[], byte[]> record : output.readRecordsToList()) {
                    totals[0]++;
                    totals[1] += (record.key() == null ? 0 : record.key().length)
                            + (record.value() == null ? 0 : record.value().length);
                }
                written.put(topic, totals);
            }
        }
        int articles = files.size();
        System.out.printf(
                "%d articles, %d new stories, %d merges, decisions digest %s%n",
                articles, stories, merges, HexFormat.of().formatHex(decisions.digest(), 0, 8));
        written.forEach((topic, t) -> System.out.printf(
                "%-50s %8d records %.3f per article %.3f per new story, %8.1f B per article%n",
                topic, t[0], t[0] / (double) articles, t[0] / (double) stories, t[1] / (double) articles));
    }

    private static int merges(TestOutputTopic<String, StoryMerge> merged, MessageDigest decisions) {
        List<StoryMerge> list = merged.readValuesToList();
        for (StoryMerge m : list) {
            decisions.update((m.getStoryId() + "=>" + m.getIntoStoryId() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return list.size();
    }

    /** The folders' .txt files, each folder sorted by path, taken one from each folder in turn, up to {@code max}. */
    static List<Path> interleaved(String[] paths, int max) throws IOException {
        List<List<Path>> folders = new ArrayList<>();
        for (String path : paths) {
            try (Stream<Path> walk = Files.walk(Path.of(path))) {
                folders.add(
                        walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList());
            }
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; files.size() < max; i++) {
            boolean any = false;
            for (List<Path> folder : folders) {
                if (i < folder.size() && files.size() < max) {
                    files.add(folder.get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return files;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
