package io.newsline.streams.query;

import io.newsline.avro.TimelineEntry;
import io.newsline.streams.timeline.FiledArticle;
import io.newsline.streams.timeline.TimelineKeys;
import io.newsline.streams.timeline.TimelineStores;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads of this instance's own stores (interactive queries); the caller has found that this instance owns the
 * partition. A store that is not queryable (a rebalance, a restore) throws Kafka's
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException}.
 */
public final class LocalQueries {
    private static final TimelineStores TIMELINE = TimelineStores.standard();

    private final KafkaStreams streams;

    public LocalQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /** A page of a topic's timeline from the index, in date order; null when the topic has no timeline here. */
    public record EntriesQuery(Long fromMillis, Long toMillis, int limit, String cursor, boolean newestFirst) {}

    /** The header of a topic's timeline and its newest entries; null when it has none. */
    public Map<String, Object> topic(String topicId, int partition, int newest) {
        Map<String, Object> topic = StoredJson.decode(
                this.<String, byte[]>store(QueryStores.TOPICS, partition).get(topicId));
        if (topic == null) {
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>(topic);
        if (newest > 0) {
            Map<String, Object> page = entries(topicId, partition, new EntriesQuery(null, null, newest, null, true));
            result.put("entries", page.get("entries"));
            result.put("nextCursor", page.get("nextCursor"));
        }
        return result;
    }

    /** A page of a topic's entries; the cursor is validated by {@link #isEntriesCursor}. */
    public Map<String, Object> entries(String topicId, int partition, EntriesQuery query) {
        ReadOnlyKeyValueStore<Bytes, byte[]> index = store(TIMELINE.index(), partition);
        ReadOnlyKeyValueStore<String, TimelineEntry> table = store(TIMELINE.entries(), partition);
        Bytes from = query.fromMillis() == null
                ? TimelineKeys.topicRangeFrom(topicId)
                : TimelineKeys.entryIndexKey(topicId, query.fromMillis(), "");
        Bytes to = query.toMillis() == null
                ? TimelineKeys.topicRangeTo(topicId)
                : TimelineKeys.entryIndexKey(topicId, query.toMillis() + 1, "");
        Bytes cursor = query.cursor() == null
                ? null
                : Bytes.wrap(Base64.getUrlDecoder().decode(query.cursor()));
        if (cursor != null) {
            if (query.newestFirst()) {
                to = min(to, cursor);
            } else {
                from = max(from, cursor);
            }
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        Bytes last = null;
        boolean more = false;
        if (from.compareTo(to) <= 0) {
            try (KeyValueIterator<Bytes, byte[]> keys =
                    query.newestFirst() ? index.reverseRange(from, to) : index.range(from, to)) {
                while (keys.hasNext()) {
                    KeyValue<Bytes, byte[]> key = keys.next();
                    if (key.key.equals(cursor)) {
                        continue;
                    }
                    if (entries.size() == query.limit()) {
                        more = true;
                        break;
                    }
                    TimelineKeys.IndexedEntry at = TimelineKeys.parseEntryIndexKey(key.key);
                    TimelineEntry entry = table.get(TimelineKeys.entryKey(topicId, at.articleId()));
                    if (entry != null) {
                        entries.add(Views.entry(entry));
                        last = key.key;
                    }
                }
            }
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("topicId", topicId);
        page.put("order", query.newestFirst() ? "newest" : "oldest");
        page.put("entries", entries);
        page.put(
                "nextCursor",
                more && last != null ? Base64.getUrlEncoder().withoutPadding().encodeToString(last.get()) : null);
        return page;
    }

    /** Whether a cursor decodes to an index key of this topic. */
    public static boolean isEntriesCursor(String topicId, String cursor) {
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] topic = topicId.getBytes(StandardCharsets.UTF_8);
        return key.length > topic.length + Long.BYTES
                && Arrays.equals(key, 0, topic.length, topic, 0, topic.length)
                && key[topic.length] == 0x00;
    }

    /** The article's view, where it was filed and who repeated it; null when this instance never saw it. */
    public Map<String, Object> article(String articleId, int partition) {
        Map<String, Object> view = StoredJson.decode(
                this.<String, byte[]>store(QueryStores.ARTICLES, partition).get(articleId));
        Map<String, Object> duplicates = duplicates(articleId, partition);
        if (view == null) {
            if (duplicates == null) {
                return null;
            }
            // Dropped as a duplicate (or retracted): no view of its own, only what it repeats.
            Map<String, Object> dropped = new LinkedHashMap<>();
            dropped.put("articleId", articleId);
            dropped.put("status", "DUPLICATE");
            dropped.put("duplicates", duplicates);
            return dropped;
        }
        Map<String, Object> result = new LinkedHashMap<>(view);
        result.put("status", "ORIGINAL");
        byte[] filed = this.<Bytes, byte[]>store(TIMELINE.filed(), partition)
                .get(Bytes.wrap(TimelineKeys.articleKey(articleId)));
        FiledArticle filing = FiledArticle.decode(filed);
        result.put("filedUnder", filing.topicIds());
        result.put("alsoReportedBy", filing.sources());
        result.put("duplicates", duplicates);
        return result;
    }

    /** What the article duplicated and what duplicated it; null when neither. */
    public Map<String, Object> duplicates(String articleId, int partition) {
        Map<String, Object> relations = StoredJson.decode(
                this.<String, byte[]>store(QueryStores.DUPLICATES, partition).get(articleId));
        if (relations == null) {
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("articleId", articleId);
        result.put("duplicateOf", relations.get("duplicateOf"));
        result.put("duplicatedBy", relations.getOrDefault("duplicatedBy", List.of()));
        result.put("duplicatedByTotal", relations.getOrDefault("duplicatedByTotal", 0));
        return result;
    }

    /** The topics of this instance's partitions that match, at most {@code limit + 1} of them, best first. */
    public List<Map<String, Object>> searchTopics(TopicSearch search) {
        ReadOnlyKeyValueStore<String, byte[]> topics = streams.store(
                StoreQueryParameters.fromNameAndType(QueryStores.TOPICS, QueryableStoreTypes.keyValueStore()));
        List<Map<String, Object>> matching = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = topics.all()) {
            while (all.hasNext()) {
                Map<String, Object> topic = StoredJson.decode(all.next().value);
                if (topic != null && search.matches(topic)) {
                    matching.add(topic);
                }
            }
        }
        matching.sort(TopicSearch.ORDER);
        return matching.size() > search.limit() + 1 ? matching.subList(0, search.limit() + 1) : matching;
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore())
                .withPartition(partition));
    }

    private static Bytes min(Bytes a, Bytes b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Bytes max(Bytes a, Bytes b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
