package io.newsline.ops.audit;

import io.newsline.avro.DuplicateKind;
import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.StoryMerge;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.Topic;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.ops.TopicReader;
import io.newsline.ops.audit.Reconciliation.EnrichedRecord;
import io.newsline.ops.audit.Reconciliation.EntryRecord;
import io.newsline.ops.audit.Reconciliation.SnapshotRecord;
import io.newsline.ops.dlq.DeadLetter;
import io.newsline.serde.SchemaRegistryException;
import io.newsline.serde.SpecificAvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The end-to-end audit of the pipeline's topics, as a library: reads news.articles.raw, .enriched, .duplicates,
 * .dlq, news.timeline-entries and news.timelines, committed records only, each to the end offset it had when the
 * audit started, and checks them against each other ({@link Reconciliation} has the rules). Run it when the
 * pipeline has caught up: records still on their way are counted as missing.
 *
 * <pre>{@code
 * AuditResult result = PipelineAudit.run(Map.of(
 *         "bootstrap.servers", kafka.bootstrapServers(),
 *         "schema.registry.url", registry.confluentApiUrl()));
 * assertThat(result.violations()).isEmpty();
 * }</pre>
 *
 * <p>Raw values are not decoded (only their keys, the article ids, count), so a poison record on the raw topic
 * does not stop it; a record on the other topics that is not their Avro type is an {@code UNREADABLE_RECORD}.
 */
public final class PipelineAudit {
    public static final List<String> TOPICS = List.of(
            Topics.RAW_ARTICLES,
            Topics.ENRICHED_ARTICLES,
            Topics.DUPLICATES,
            Topics.DEAD_LETTERS,
            Topics.TIMELINE_ENTRIES,
            Topics.TIMELINES,
            Topics.STORY_MERGES);

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private PipelineAudit() {}

    /**
     * @param clientConfig {@code bootstrap.servers}, {@code schema.registry.url}, and any other consumer or
     *     registry setting (security, basic auth)
     */
    public static AuditResult run(Map<String, ?> clientConfig) {
        return run(clientConfig, DEFAULT_TIMEOUT);
    }

    public static AuditResult run(Map<String, ?> clientConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.putIfAbsent(ConsumerDefaults.CLIENT_ID, "newsline-audit");
        Reconciliation reconciliation = new Reconciliation();
        try (SpecificAvroDeserializer<SpecificRecord> avro = new SpecificAvroDeserializer<>()) {
            avro.configure(config, false);
            new TopicReader(config, timeout).read(TOPICS, record -> add(reconciliation, avro, record));
        }
        return reconciliation.result();
    }

    private static void add(
            Reconciliation reconciliation,
            SpecificAvroDeserializer<SpecificRecord> avro,
            ConsumerRecord<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        switch (record.topic()) {
            case Topics.RAW_ARTICLES -> reconciliation.rawArticle(key);
            case Topics.DEAD_LETTERS ->
                reconciliation.deadLetter(key, DeadLetter.of(record).sourceTopic());
            default -> {
                Object value;
                try {
                    value = record.value() == null ? null : avro.deserialize(record.topic(), record.value());
                } catch (SchemaRegistryException e) {
                    throw e; // the registry is unusable: not a problem of this record
                } catch (SerializationException e) {
                    reconciliation.unreadable(record.topic(), record.partition(), record.offset(), e.getMessage());
                    return;
                }
                addValue(reconciliation, record, key, value);
            }
        }
    }

    private static void addValue(
            Reconciliation reconciliation, ConsumerRecord<byte[], byte[]> record, String key, Object value) {
        String topic = record.topic();
        if (topic.equals(Topics.ENRICHED_ARTICLES) && value instanceof EnrichedArticle article) {
            reconciliation.enrichedArticle(new EnrichedRecord(
                    key,
                    article.getTitle(),
                    article.getTopics().stream().map(Topic::getId).toList()));
        } else if (topic.equals(Topics.ENRICHED_ARTICLES) && key != null && value == null) {
            reconciliation.retractedArticle(key);
        } else if (topic.equals(Topics.DUPLICATES) && value instanceof DuplicateNotice notice) {
            reconciliation.duplicateNotice(
                    notice.getDuplicateId(), notice.getKind() == DuplicateKind.EXACT, notice.getOriginalId());
        } else if (topic.equals(Topics.TIMELINE_ENTRIES) && key != null && value == null) {
            reconciliation.timelineEntry(EntryRecord.tombstone(key));
        } else if (topic.equals(Topics.TIMELINE_ENTRIES) && key != null && value instanceof TimelineEntry entry) {
            reconciliation.timelineEntry(EntryRecord.live(key, entry.getTopicId(), entry.getArticleId()));
        } else if (topic.equals(Topics.STORY_MERGES) && value instanceof StoryMerge merge) {
            reconciliation.storyMerge(merge.getStoryId(), merge.getIntoStoryId());
        } else if (topic.equals(Topics.TIMELINES) && key != null && value == null) {
            reconciliation.snapshot(new SnapshotRecord(key, 0, null));
        } else if (topic.equals(Topics.TIMELINES) && key != null && value instanceof TopicTimeline timeline) {
            reconciliation.snapshot(new SnapshotRecord(
                    key,
                    timeline.getTotalEntries(),
                    timeline.getEntries().stream()
                            .map(TimelineEntry::getArticleId)
                            .toList()));
        } else {
            reconciliation.unreadable(
                    topic,
                    record.partition(),
                    record.offset(),
                    (key == null ? "no key; " : "")
                            + (value == null
                                    ? "null value"
                                    : "a " + value.getClass().getSimpleName() + " is not what " + topic + " holds"));
        }
    }

    private static final class ConsumerDefaults {
        static final String CLIENT_ID = "client.id";
    }
}
