package io.newsline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.ClientSettings;
import io.newsline.common.Topics;
import io.newsline.common.cli.ClientSettingOptions;
import io.newsline.common.cli.KafkaConnectionOptions;
import io.newsline.serde.SpecificAvroDeserializer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsline timelines}: a downstream consumer of {@code news.timelines}, and the worked example of one. The
 * topic is compacted and keyed by topic id, so reading it from the beginning to the end gives the latest snapshot
 * of every timeline; no consumer group is needed.
 */
@Command(
        name = "timelines",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the per-topic timelines from news.timelines (--follow: and their updates).",
            "",
            "Reads news.timelines to its end, prints the latest snapshot of each timeline and exits; with --follow,"
                    + " keeps printing each timeline again as it changes, until Ctrl-C.",
            "Settings: NEWSLINE_* environment variables < -X KEY=VALUE < the options."
        })
public final class TimelinesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Format {
        text,
        json
    }

    /** --bootstrap-servers, --schema-registry-url. */
    @Mixin
    KafkaConnectionOptions connection;

    @Option(names = "--topic", paramLabel = "SLUG", description = "Only this timeline, e.g. benjamin-netanyahu.")
    String topicId;

    @Option(names = "--follow", description = "Keep printing updates as they come.")
    boolean follow;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "text, or json (one JSON object per timeline and line).")
    Format format;

    /** -X KEY=VALUE. */
    @Mixin
    ClientSettingOptions x;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClientSettings config = settings();
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<String, TopicTimeline> consumer = new KafkaConsumer<>(config.asMap())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TIMELINES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                spec.commandLine().getErr().println("error: there is no topic " + Topics.TIMELINES + " yet.");
                return 1;
            }
            latestSnapshots(consumer, partitions).values().forEach(timeline -> print(out, timeline));
            out.flush();
            if (follow) {
                printUpdatesUntilStopped(consumer, out);
            }
        }
        return 0;
    }

    /** NEWSLINE_* variables < -X < the options; brokers and registry required. */
    private ClientSettings settings() {
        ClientSettings config = connection.resolve(
                Map.of(
                        "key.deserializer", StringDeserializer.class.getName(),
                        "value.deserializer", SpecificAvroDeserializer.class.getName(),
                        "isolation.level", "read_committed"), // only what the streams app committed
                null, // no properties file
                System.getenv(),
                x.settings());
        return connection.requireConnection(config);
    }

    /** The current state: the latest snapshot per topic id, up to the end offsets seen at the start. */
    private Map<String, TopicTimeline> latestSnapshots(
            KafkaConsumer<String, TopicTimeline> consumer, List<TopicPartition> partitions) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<String, TopicTimeline> latest = new TreeMap<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<String, TopicTimeline> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() == null) {
                    latest.remove(record.key()); // a tombstone: the timeline is gone
                } else if (selected(record.key())) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }

    /** --follow: every new snapshot as it comes, until Ctrl-C. */
    private void printUpdatesUntilStopped(KafkaConsumer<String, TopicTimeline> consumer, PrintWriter out) {
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup)); // Ctrl-C ends the poll
        try {
            while (true) {
                for (ConsumerRecord<String, TopicTimeline> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() != null && selected(record.key())) {
                        print(out, record.value());
                    }
                }
                out.flush();
            }
        } catch (WakeupException stopped) {
            // Ctrl-C
        }
    }

    /** Whether --topic (if given) selects this timeline. */
    private boolean selected(String timelineTopicId) {
        return topicId == null || topicId.equals(timelineTopicId);
    }

    private void print(PrintWriter out, TopicTimeline timeline) {
        if (format == Format.json) {
            out.println(toJson(timeline));
        } else {
            printText(out, timeline);
        }
    }

    /** The topic label, then one dated entry per article: title, then byline. */
    static void printText(PrintWriter out, TopicTimeline timeline) {
        int count = timeline.getEntries().size();
        out.printf(
                "%s  (%s, %s, %d article%s)%n",
                timeline.getLabel(),
                timeline.getKind().name().toLowerCase(java.util.Locale.ROOT),
                timeline.getTopicId(),
                timeline.getTotalEntries(),
                timeline.getTotalEntries() == 1 ? "" : "s");
        if (timeline.getTotalEntries() > count) {
            out.printf("  (the latest %d)%n", count);
        }
        for (TimelineEntry entry : timeline.getEntries()) {
            out.printf(
                    "  %s  %s%n", entry.getPublishedAt().atZone(ZoneOffset.UTC).toLocalDate(), entry.getTitle());
            String dated =
                    switch (entry.getDateSource()) {
                        case TEXT -> "";
                        case FILE_MODIFIED -> "(no date in the text: the file's date)";
                        case INGESTED -> "(no date in the text: when it was received)";
                    };
            String byline = entry.getByline() == null ? "" : "by " + entry.getByline();
            if (!byline.isEmpty() || !dated.isEmpty()) {
                out.printf("              %s%n", (byline + "  " + dated).strip());
            }
            int others = entry.getAlsoReportedBy().size();
            if (others > 0) {
                out.printf("              also reported by %d source%s%n", others, others == 1 ? "" : "s");
            }
        }
        out.println();
    }

    static String toJson(TopicTimeline timeline) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topicId", timeline.getTopicId());
        json.put("label", timeline.getLabel());
        json.put("kind", timeline.getKind().name());
        json.put("totalEntries", timeline.getTotalEntries());
        json.put("updatedAt", timeline.getUpdatedAt().toString());
        json.put(
                "entries",
                timeline.getEntries().stream()
                        .map(entry -> {
                            Map<String, Object> e = new LinkedHashMap<>();
                            e.put("publishedAt", entry.getPublishedAt().toString());
                            e.put("title", entry.getTitle());
                            e.put("byline", entry.getByline());
                            e.put("summary", entry.getSummary());
                            e.put("articleId", entry.getArticleId());
                            e.put("source", entry.getSource());
                            e.put("alsoReportedBy", entry.getAlsoReportedBy());
                            return e;
                        })
                        .toList());
        try {
            return JSON.writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
