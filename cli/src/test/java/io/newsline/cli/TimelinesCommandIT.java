package io.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.avro.DateSource;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicKind;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.KafkaTestCluster;
import io.newsline.testkit.WithRealKafkaAndRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code newsline timelines} against the real broker and registry, reading what our serializer wrote. */
@WithRealKafkaAndRegistry
@Timeout(180)
class TimelinesCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsTheLatestSnapshotOfEveryTimeline(KafkaTestCluster kafka, ApicurioRegistry registry) throws Exception {
        kafka.createTopic(Topics.TIMELINES, 3, Map.of("cleanup.policy", "compact"));
        TimelineEntry may = entry("benjamin-netanyahu", "a1", "Talks will continue", "2025-05-13T08:00:00Z", "Ben C");
        TimelineEntry sept = TimelineEntry.newBuilder(
                        entry("benjamin-netanyahu", "a2", "Immediate negotiations", "2025-09-02T10:00:00Z", null))
                .setAlsoReportedBy(List.of("file:///seeds/a3.txt", "file:///seeds/a4.txt"))
                .build();
        try (KafkaProducer<String, TopicTimeline> producer = new KafkaProducer<>(
                Map.of(
                        "bootstrap.servers",
                        kafka.bootstrapServers(),
                        SchemaRegistryConfig.SCHEMA_REGISTRY_URL,
                        registry.confluentApiUrl()),
                new StringSerializer(),
                serializer(registry))) {
            send(producer, timeline("benjamin-netanyahu", "Benjamin Netanyahu", TopicKind.PERSON, List.of(may)));
            send(producer, timeline("benjamin-netanyahu", "Benjamin Netanyahu", TopicKind.PERSON, List.of(may, sept)));
            send(producer, timeline("hamas", "Hamas", TopicKind.ORGANIZATION, List.of(may)));
            send(producer, timeline("gone", "Gone", TopicKind.SUBJECT, List.of(may)));
            producer.send(new ProducerRecord<>(Topics.TIMELINES, "gone", null)).get(); // tombstone
        }
        String[] connection = {
            "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.confluentApiUrl()
        };

        List<JsonNode> all = jsonLines(run(connection, "--format", "json"));

        assertThat(all).extracting(n -> n.get("topicId").asText()).containsExactly("benjamin-netanyahu", "hamas");
        JsonNode netanyahu = all.get(0);
        assertThat(netanyahu.get("label").asText()).isEqualTo("Benjamin Netanyahu");
        assertThat(netanyahu.get("kind").asText()).isEqualTo("PERSON");
        assertThat(netanyahu.get("totalEntries").asLong()).isEqualTo(2);
        assertThat(netanyahu.get("entries")).hasSize(2);
        JsonNode firstEntry = netanyahu.get("entries").get(0);
        assertThat(firstEntry.get("publishedAt").asText()).isEqualTo("2025-05-13T08:00:00Z");
        assertThat(firstEntry.get("title").asText()).isEqualTo("Talks will continue");
        assertThat(firstEntry.get("byline").asText()).isEqualTo("Ben C");
        assertThat(netanyahu.get("entries").get(1).get("byline").isNull()).isTrue();
        assertThat(firstEntry.get("alsoReportedBy")).isEmpty();
        assertThat(netanyahu.get("entries").get(1).get("alsoReportedBy"))
                .extracting(JsonNode::asText)
                .containsExactly("file:///seeds/a3.txt", "file:///seeds/a4.txt");

        assertThat(jsonLines(run(connection, "--format", "json", "--topic", "hamas")))
                .extracting(n -> n.get("label").asText())
                .containsExactly("Hamas");

        String text = run(connection);
        assertThat(text)
                .contains("Benjamin Netanyahu  (person, benjamin-netanyahu, 2 articles)")
                .contains("  2025-05-13  Talks will continue\n              by Ben C\n")
                .contains("  2025-09-02  Immediate negotiations\n              also reported by 2 sources\n")
                .doesNotContain("Gone");
    }

    private static String run(String[] connection, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("timelines"));
        args.addAll(List.of(connection));
        args.addAll(List.of(more));
        int exit = Newsline.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
        assertThat(exit).as("exit status; stderr: " + err).isZero();
        return out.toString();
    }

    private static List<JsonNode> jsonLines(String output) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : output.lines().filter(l -> !l.isBlank()).toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static SpecificAvroSerializer<TopicTimeline> serializer(ApicurioRegistry registry) {
        SpecificAvroSerializer<TopicTimeline> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl()), false);
        return serializer;
    }

    private static void send(KafkaProducer<String, TopicTimeline> producer, TopicTimeline timeline) throws Exception {
        producer.send(new ProducerRecord<>(Topics.TIMELINES, timeline.getTopicId(), timeline))
                .get();
    }

    private static TopicTimeline timeline(String id, String label, TopicKind kind, List<TimelineEntry> entries) {
        return TopicTimeline.newBuilder()
                .setTopicId(id)
                .setLabel(label)
                .setKind(kind)
                .setEntries(entries)
                .setTotalEntries(entries.size())
                .setFirstPublishedAt(entries.get(0).getPublishedAt())
                .setLastPublishedAt(entries.get(entries.size() - 1).getPublishedAt())
                .setUpdatedAt(Instant.now())
                .build();
    }

    private static TimelineEntry entry(String topic, String articleId, String title, String published, String byline) {
        return TimelineEntry.newBuilder()
                .setTopicId(topic)
                .setTopicLabel("Benjamin Netanyahu")
                .setTopicKind(TopicKind.PERSON)
                .setArticleId(articleId)
                .setTitle(title)
                .setPublishedAt(Instant.parse(published))
                .setDateSource(DateSource.TEXT)
                .setByline(byline)
                .setSummary("Summary of " + title)
                .setSalience(0.9)
                .setSource("file:///seeds/" + articleId + ".txt")
                .build();
    }
}
