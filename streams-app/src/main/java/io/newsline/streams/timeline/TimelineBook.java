package io.newsline.streams.timeline;

import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The full timelines of the topics of one partition, kept as individual entries in key-value stores.
 *
 * <p>Adding, moving or removing an article touches a handful of keys whatever the size of the timeline: the
 * entry itself (keyed for range scans, see {@link TimelineKeys}), an index from {@code topic|article} to the
 * entry's date (to find it again when the article is processed again), an expiry index ordered by date, and the
 * topic's header (label, kind, count, first and last date), which is a {@link TopicTimeline} without entries.
 * A snapshot reads only the newest {@code n} entries.
 */
public final class TimelineBook {

    /** What one call changed on which timeline: the entry as it now is, or null when it was removed. */
    public record Change(String topicId, String articleId, TimelineEntry entry) {
        public String entryKey() {
            return TimelineKeys.entryKey(topicId, articleId);
        }
    }

    private final KeyValueStore<Bytes, TimelineEntry> entries;
    private final KeyValueStore<String, Long> entryDates;
    private final KeyValueStore<Bytes, String> expiryIndex;
    private final KeyValueStore<String, TopicTimeline> headers;

    public TimelineBook(
            KeyValueStore<Bytes, TimelineEntry> entries,
            KeyValueStore<String, Long> entryDates,
            KeyValueStore<Bytes, String> expiryIndex,
            KeyValueStore<String, TopicTimeline> headers) {
        this.entries = entries;
        this.entryDates = entryDates;
        this.expiryIndex = expiryIndex;
        this.headers = headers;
    }

    /**
     * Puts an article on a topic's timeline, or updates it in place (moving it if its date changed). Entries older
     * than {@code oldestKept} are not added (and an existing one is removed), so a very late article cannot bring
     * back what retention already dropped.
     */
    public Change upsert(TimelineEntry entry, Instant oldestKept, Instant now) {
        String topicId = entry.getTopicId();
        String articleId = entry.getArticleId();
        if (entry.getPublishedAt().isBefore(oldestKept)) {
            return remove(topicId, articleId, now);
        }
        String entryKey = TimelineKeys.entryKey(topicId, articleId);
        Long previousDate = entryDates.get(entryKey);
        if (previousDate != null) {
            deleteEntry(topicId, articleId, previousDate);
        }
        long publishedAt = entry.getPublishedAt().toEpochMilli();
        entries.put(TimelineKeys.entryStoreKey(topicId, publishedAt, articleId), entry);
        entryDates.put(entryKey, publishedAt);
        expiryIndex.put(TimelineKeys.expiryKey(publishedAt, topicId, articleId), entryKey);

        TopicTimeline header = headers.get(topicId);
        long count = header == null ? 0 : header.getTotalEntries();
        TopicTimeline updated = TopicTimeline.newBuilder()
                .setTopicId(topicId)
                .setLabel(entry.getTopicLabel())
                .setKind(entry.getTopicKind())
                .setEntries(List.of())
                .setTotalEntries(previousDate == null ? count + 1 : count)
                .setFirstPublishedAt(null)
                .setLastPublishedAt(null)
                .setUpdatedAt(now)
                .build();
        headers.put(topicId, withDateRange(updated));
        return new Change(topicId, articleId, entry);
    }

    /**
     * Sets the sources that also reported an article on its entry in one topic, leaving out the entry's own source;
     * null (nothing to publish) when the article is not on that timeline or the list is unchanged.
     */
    public Change setAlsoReportedBy(String topicId, String articleId, List<String> sources) {
        Long publishedAt = entryDates.get(TimelineKeys.entryKey(topicId, articleId));
        if (publishedAt == null) {
            return null;
        }
        Bytes key = TimelineKeys.entryStoreKey(topicId, publishedAt, articleId);
        TimelineEntry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        List<String> others = sources.stream()
                .filter(source -> !source.equals(entry.getSource()))
                .distinct()
                .toList();
        if (others.equals(entry.getAlsoReportedBy())) {
            return null;
        }
        TimelineEntry updated =
                TimelineEntry.newBuilder(entry).setAlsoReportedBy(others).build();
        entries.put(key, updated);
        return new Change(topicId, articleId, updated);
    }

    /** Takes an article off a topic's timeline; a no-op (returning null) when it is not on it. */
    public Change remove(String topicId, String articleId, Instant now) {
        String entryKey = TimelineKeys.entryKey(topicId, articleId);
        Long previousDate = entryDates.get(entryKey);
        if (previousDate == null) {
            return null;
        }
        deleteEntry(topicId, articleId, previousDate);
        entryDates.delete(entryKey);
        TopicTimeline header = headers.get(topicId);
        if (header != null) {
            long count = Math.max(0, header.getTotalEntries() - 1);
            if (count == 0) {
                headers.delete(topicId);
            } else {
                header.setTotalEntries(count);
                header.setUpdatedAt(now);
                headers.put(topicId, withDateRange(header));
            }
        }
        return new Change(topicId, articleId, null);
    }

    /** Removes every entry published before {@code cutoff}, oldest first; at most {@code limit} per call. */
    public List<Change> expire(Instant cutoff, int limit, Instant now) {
        List<String> expiredKeys = new ArrayList<>();
        try (KeyValueIterator<Bytes, String> expired =
                expiryIndex.range(TimelineKeys.expiryRangeFrom(), TimelineKeys.expiryRangeTo(cutoff.toEpochMilli()))) {
            while (expired.hasNext() && expiredKeys.size() < limit) {
                expiredKeys.add(expired.next().value);
            }
        }
        List<Change> changes = new ArrayList<>(expiredKeys.size());
        for (String entryKey : expiredKeys) {
            Change change = remove(TimelineKeys.topicIdOf(entryKey), TimelineKeys.articleIdOf(entryKey), now);
            if (change != null) {
                changes.add(change);
            }
        }
        return changes;
    }

    /** The topic's newest {@code maxEntries} entries, oldest first, with its totals; null if the topic is empty. */
    public TopicTimeline snapshot(String topicId, int maxEntries, Instant now) {
        TopicTimeline header = headers.get(topicId);
        if (header == null) {
            return null;
        }
        List<TimelineEntry> newest = new ArrayList<>(Math.min(maxEntries, 128));
        try (KeyValueIterator<Bytes, TimelineEntry> it =
                entries.reverseRange(TimelineKeys.topicRangeFrom(topicId), TimelineKeys.topicRangeTo(topicId))) {
            while (it.hasNext() && newest.size() < maxEntries) {
                newest.add(it.next().value);
            }
        }
        Collections.reverse(newest);
        return TopicTimeline.newBuilder(header)
                .setEntries(newest)
                .setUpdatedAt(now)
                .build();
    }

    private void deleteEntry(String topicId, String articleId, long publishedAt) {
        entries.delete(TimelineKeys.entryStoreKey(topicId, publishedAt, articleId));
        expiryIndex.delete(TimelineKeys.expiryKey(publishedAt, topicId, articleId));
    }

    /** First and last dates are the ends of the topic's key range: one short seek each, not a scan. */
    private TopicTimeline withDateRange(TopicTimeline header) {
        String topicId = header.getTopicId();
        Bytes from = TimelineKeys.topicRangeFrom(topicId);
        Bytes to = TimelineKeys.topicRangeTo(topicId);
        header.setFirstPublishedAt(firstDate(entries.range(from, to)));
        header.setLastPublishedAt(firstDate(entries.reverseRange(from, to)));
        return header;
    }

    private static Instant firstDate(KeyValueIterator<Bytes, TimelineEntry> range) {
        try (range) {
            if (!range.hasNext()) {
                return null;
            }
            KeyValue<Bytes, TimelineEntry> first = range.next();
            return first.value.getPublishedAt();
        }
    }
}
