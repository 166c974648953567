package io.newsline.cli;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.Topic;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows what became of the demo's articles, reading the app's topics from the beginning (committed records
 * only): an article published from the input directory is <em>done</em> when it is on
 * {@code news.articles.enriched} and every topic it was filed under has a snapshot on {@code news.timelines} that
 * lists it, or when it was dropped as a duplicate ({@code news.articles.duplicates}) or failed
 * ({@code news.articles.dlq}). Matching by article id (not counting records) keeps this right on a cluster that
 * already holds earlier runs.
 */
final class DemoOutcomes implements AutoCloseable {
    private static final List<String> TOPICS = List.of(
            Topics.RAW_ARTICLES, Topics.ENRICHED_ARTICLES, Topics.DUPLICATES, Topics.DEAD_LETTERS, Topics.TIMELINES);

    private final KafkaConsumer<String, byte[]> consumer;
    private final SpecificAvroDeserializer<?> avro = new SpecificAvroDeserializer<>();
    private final String inputUri;

    private final Set<String> published = new LinkedHashSet<>();
    private final Map<String, EnrichedArticle> enriched = new HashMap<>();
    private final Map<String, String> duplicates = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private final Map<String, TopicTimeline> timelines = new HashMap<>();

    DemoOutcomes(String bootstrapServers, String registryUrl, String inputUri) {
        this.inputUri = inputUri;
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName(),
                ConsumerConfig.CLIENT_ID_CONFIG,
                "newsline-demo-reader");
        this.consumer = new KafkaConsumer<>(config);
        avro.configure(
                Map.of(
                        SchemaRegistryConfig.SCHEMA_REGISTRY_URL,
                        registryUrl,
                        SchemaRegistryConfig.SPECIFIC_AVRO_READER,
                        "true"),
                false);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has arrived, for at most about {@code wait}. */
    void poll(Duration wait) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
            String key = record.key();
            switch (record.topic()) {
                case Topics.RAW_ARTICLES -> {
                    if (record.value() != null && read(record) instanceof RawArticle raw) {
                        if (raw.getSourceUri().startsWith(inputUri)) {
                            published.add(raw.getArticleId());
                        }
                    }
                }
                case Topics.ENRICHED_ARTICLES -> {
                    if (record.value() == null) {
                        enriched.remove(key); // retracted: it repeats an article that arrived after it
                    } else if (read(record) instanceof EnrichedArticle article) {
                        enriched.put(article.getArticleId(), article);
                    }
                }
                case Topics.DUPLICATES -> {
                    if (record.value() != null && read(record) instanceof DuplicateNotice notice) {
                        duplicates.put(notice.getDuplicateId(), notice.getOriginalId());
                    }
                }
                case Topics.DEAD_LETTERS -> failed.add(key);
                case Topics.TIMELINES -> {
                    if (record.value() == null) {
                        timelines.remove(key);
                    } else if (read(record) instanceof TopicTimeline timeline) {
                        timelines.put(key, timeline);
                    }
                }
                default -> {}
            }
        }
    }

    private Object read(ConsumerRecord<String, byte[]> record) {
        return avro.deserialize(record.topic(), record.value());
    }

    int publishedSeen() {
        return published.size();
    }

    /** Published articles that the streams app has not yet enriched, dropped or failed. */
    int unprocessed() {
        return (int) published.stream()
                .filter(id -> !enriched.containsKey(id) && !duplicates.containsKey(id) && !failed.contains(id))
                .count();
    }

    int duplicates() {
        return (int) published.stream().filter(duplicates::containsKey).count();
    }

    int failed() {
        return (int) published.stream().filter(failed::contains).count();
    }

    /** Topic ids whose snapshot does not yet list every enriched article filed under them. */
    Set<String> timelinesBehind() {
        Set<String> behind = new TreeSet<>();
        for (String id : published) {
            EnrichedArticle article = enriched.get(id);
            if (article == null) {
                continue;
            }
            for (Topic topic : article.getTopics()) {
                TopicTimeline timeline = timelines.get(topic.getId());
                boolean listed = timeline != null
                        && (timeline.getEntries().stream()
                                        .anyMatch(e -> e.getArticleId().equals(id))
                                // a bounded snapshot may no longer list old entries; its count still says
                                || timeline.getTotalEntries()
                                        > timeline.getEntries().size());
                if (!listed) {
                    behind.add(topic.getId());
                }
            }
        }
        return behind;
    }

    /** The timelines of the published articles: most articles first, then by label. */
    List<TopicTimeline> timelines() {
        Set<String> ids = new HashSet<>();
        published.stream().map(enriched::get).filter(a -> a != null).forEach(a -> a.getTopics()
                .forEach(t -> ids.add(t.getId())));
        return ids.stream()
                .map(timelines::get)
                .filter(t -> t != null)
                .sorted(Comparator.comparingLong(TopicTimeline::getTotalEntries)
                        .reversed()
                        .thenComparing(TopicTimeline::getLabel))
                .toList();
    }

    /** For a progress line: how many entries the timelines hold. */
    static long entries(List<TopicTimeline> timelines) {
        return timelines.stream()
                .map(TopicTimeline::getEntries)
                .mapToLong(List::size)
                .sum();
    }

    @Override
    public void close() {
        consumer.close();
        avro.close();
    }
}
