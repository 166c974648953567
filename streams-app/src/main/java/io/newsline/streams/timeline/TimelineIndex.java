package io.newsline.streams.timeline;

import io.newsline.avro.TopicKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Where each entry of the timelines of one partition sits, in two stores; the entries themselves are in the store
 * of the table over {@code news.timeline-entries} (see {@code NewslineTopology.createTimelineStreams}).
 *
 * <ul>
 *   <li>{@code timeline-index} (RocksDB, changelogged, cached): one key per entry, {@code topicId 0x00
 *       publishedAt articleKey} ({@link TimelineKeys#entryIndexKey}, about 55 bytes for a real article) and an
 *       empty value, so a topic's entries are one range in date order: a snapshot reads its newest end, first and
 *       last dates are one seek each. This is the only changelog write per entry of the timeline stage: one record
 *       when an entry is added, moved or removed, none when it is only updated in place. Plus, per topic, the
 *       label and kind of its last entry ({@code 0x01 topicId -> kind label}, written when they change) and one
 *       session mark.
 *   <li>{@code timeline-locator} (RocksDB, not changelogged, cached): what follows from the index and is needed
 *       to change it: {@code 'L' topicId 0x00 articleKey -> publishedAt} (to find an entry again when the article
 *       comes again or is removed), {@code 'C' topicId -> count} (the totals of the snapshots) and, only with a
 *       retention, {@code 'X' publishedAt topicId 0x00 articleKey} (expiry in date order); and {@code 'P'
 *       topicId|articleId} while an entry re-published by the patcher is on its way back (so that it does not count
 *       as filed last; lost in a rebuild, when it only makes that entry's label the timeline's), and {@code 'W'
 *       topicId|articleId -> sources} for an "also reported by" list that came before its entry ({@link
 *       #parkPatch}). It is rebuilt from the
 *       index in one scan when it may have missed a change (see {@link #ensureLocator}), so it needs no
 *       changelog.
 * </ul>
 *
 * <p>Only {@link TimelineIndexer} changes the index; the snapshotter and the patcher read it.
 */
public final class TimelineIndex {
    private static final Bytes SESSION = Bytes.wrap(new byte[] {0x00});
    private static final byte LABEL = 0x01;
    private static final Bytes LOCATOR_SESSION = Bytes.wrap(new byte[] {'M'});
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final byte LOCATION = 'L';
    private static final byte COUNT = 'C';
    private static final byte EXPIRY = 'X';
    private static final byte PATCHED = 'P';
    private static final byte PARKED = 'W';
    private static final byte[] EMPTY = new byte[0];

    private final KeyValueStore<Bytes, byte[]> index;
    private final KeyValueStore<Bytes, byte[]> locator;
    private final boolean expiryKeys;
    private final Sensor writes;
    private boolean checked;

    /** @param expiryKeys whether to keep the expiry keys (only with a retention) */
    public TimelineIndex(
            KeyValueStore<Bytes, byte[]> index,
            KeyValueStore<Bytes, byte[]> locator,
            boolean expiryKeys,
            Sensor writes) {
        this.index = index;
        this.locator = locator;
        this.expiryKeys = expiryKeys;
        this.writes = writes;
    }

    /** The index of the task of {@code context}; every processor of the task that opens it must pass the same retention. */
    public static TimelineIndex open(
            org.apache.kafka.streams.processor.api.ProcessorContext<?, ?> context,
            TimelineStores stores,
            java.time.Duration retention) {
        return new TimelineIndex(
                context.getStateStore(stores.index()),
                context.getStateStore(stores.locator()),
                !retention.isZero(),
                TimelineMetrics.storeWrites(context));
    }

    /** The published-at of an entry, or null when the topic's timeline does not hold the article. */
    public Long dateOf(String topicId, String articleId) {
        ensureLocator();
        byte[] date = locator.get(TimelineKeys.topicArticleKey(LOCATION, topicId, articleId));
        return date == null ? null : ByteBuffer.wrap(date).getLong();
    }

    /**
     * Puts an entry at its date: a no-op when it is there already (the entry's content lives in the table), a
     * move when it was at another date.
     */
    public void put(String topicId, String articleId, long publishedAt) {
        Long previous = dateOf(topicId, articleId);
        if (previous != null && previous == publishedAt) {
            return;
        }
        if (previous != null) {
            unindex(topicId, articleId, previous);
        } else {
            addToCount(topicId, 1);
        }
        write(index, TimelineKeys.entryIndexKey(topicId, publishedAt, articleId), EMPTY);
        write(locator, TimelineKeys.topicArticleKey(LOCATION, topicId, articleId), longBytes(publishedAt));
        if (expiryKeys) {
            write(locator, TimelineKeys.datedKey(EXPIRY, publishedAt, topicId, articleId), EMPTY);
        }
    }

    /** A timeline's label and kind: those of the entry filed or updated last, as its snapshots show them. */
    public record Label(String label, TopicKind kind) {}

    /**
     * Remembers the label and kind of the entry just filed or updated on a topic's timeline; a write only when they
     * differ from the last ones (labels of one topic id rarely differ: "Aids" as a subject, "AIDS" as an
     * organization). Kept in the changelogged index because the order entries came in cannot be recomputed.
     */
    public void noteLabel(String topicId, String label, TopicKind kind) {
        Bytes key = labelKey(topicId);
        byte[] utf8 = label.getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[1 + utf8.length];
        value[0] = (byte) kind.ordinal();
        System.arraycopy(utf8, 0, value, 1, utf8.length);
        byte[] previous = index.get(key);
        if (previous == null || !Bytes.wrap(previous).equals(Bytes.wrap(value))) {
            write(index, key, value);
        }
    }

    /**
     * Notes that the entry with this key ({@code <topicId>|<articleId>}) is being re-published only to change its
     * "also reported by" list: when it is read back, it does not count as filed last (see {@link #noteLabel}).
     */
    public void notePatch(String entryKey) {
        ensureLocator();
        write(locator, patchKey(entryKey), EMPTY);
    }

    /** Whether the entry read back is a re-published patch (see {@link #notePatch}); forgets the note. */
    public boolean takePatch(String entryKey) {
        ensureLocator();
        Bytes key = patchKey(entryKey);
        if (locator.get(key) == null) {
            return false;
        }
        write(locator, key, null);
        return true;
    }

    /**
     * Parks an "also reported by" list that reached this partition before the entry it is for ({@code
     * <topicId>|<articleId>}): {@link TimelineIndexer} puts it on the entry when the entry is read back. Kept in the
     * locator (not changelogged): lost in a rebuild, when the filing stage still has it for the next filing.
     */
    public void parkPatch(String entryKey, List<String> sources) {
        ensureLocator();
        write(locator, prefixed(PARKED, entryKey), String.join("\n", sources).getBytes(StandardCharsets.UTF_8));
    }

    /** The list parked for this entry ({@link #parkPatch}), forgotten here; null when none is. */
    public List<String> takeParkedPatch(String entryKey) {
        ensureLocator();
        Bytes key = prefixed(PARKED, entryKey);
        byte[] value = locator.get(key);
        if (value == null) {
            return null;
        }
        write(locator, key, null);
        return List.of(new String(value, StandardCharsets.UTF_8).split("\n"));
    }

    private static Bytes patchKey(String entryKey) {
        return prefixed(PATCHED, entryKey);
    }

    private static Bytes prefixed(byte prefix, String entryKey) {
        byte[] utf8 = entryKey.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[utf8.length + 1];
        key[0] = prefix;
        System.arraycopy(utf8, 0, key, 1, utf8.length);
        return Bytes.wrap(key);
    }

    /** The label and kind of a topic's timeline, or null when it holds nothing. */
    public Label label(String topicId) {
        byte[] value = index.get(labelKey(topicId));
        if (value == null) {
            return null;
        }
        return new Label(new String(value, 1, value.length - 1, StandardCharsets.UTF_8), TopicKind.values()[value[0]]);
    }

    /** Takes an entry off its timeline; false when it was not on it. */
    public boolean remove(String topicId, String articleId) {
        Long previous = dateOf(topicId, articleId);
        if (previous == null) {
            return false;
        }
        unindex(topicId, articleId, previous);
        write(locator, TimelineKeys.topicArticleKey(LOCATION, topicId, articleId), null);
        addToCount(topicId, -1);
        return true;
    }

    /** Up to {@code limit} entries published before {@code cutoffMillis}, oldest first (needs the expiry keys). */
    public List<TimelineKeys.IndexedEntry> publishedBefore(long cutoffMillis, int limit) {
        ensureLocator();
        List<TimelineKeys.IndexedEntry> expired = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it =
                locator.range(Bytes.wrap(new byte[] {EXPIRY}), TimelineKeys.datedKeysBefore(EXPIRY, cutoffMillis))) {
            while (it.hasNext() && expired.size() < limit) {
                expired.add(TimelineKeys.parseDatedKey(it.next().key));
            }
        }
        return expired;
    }

    /** How many entries the topic's timeline holds. */
    public long count(String topicId) {
        ensureLocator();
        byte[] count = locator.get(countKey(topicId));
        return count == null ? 0 : ByteBuffer.wrap(count).getLong();
    }

    /** The topic's index keys, newest first; the caller closes the iterator. */
    public KeyValueIterator<Bytes, byte[]> newestFirst(String topicId) {
        return index.reverseRange(TimelineKeys.topicRangeFrom(topicId), TimelineKeys.topicRangeTo(topicId));
    }

    /** Published-at of the topic's oldest entry, or null when it has none: one seek. */
    public Long firstDate(String topicId) {
        return endDate(index.range(TimelineKeys.topicRangeFrom(topicId), TimelineKeys.topicRangeTo(topicId)));
    }

    /** Published-at of the topic's newest entry, or null when it has none: one seek. */
    public Long lastDate(String topicId) {
        return endDate(newestFirst(topicId));
    }

    private static Long endDate(KeyValueIterator<Bytes, byte[]> range) {
        try (range) {
            return range.hasNext() ? TimelineKeys.publishedAtOf(range.next().key) : null;
        }
    }

    private void unindex(String topicId, String articleId, long publishedAt) {
        write(index, TimelineKeys.entryIndexKey(topicId, publishedAt, articleId), null);
        if (expiryKeys) {
            write(locator, TimelineKeys.datedKey(EXPIRY, publishedAt, topicId, articleId), null);
        }
    }

    private void addToCount(String topicId, long delta) {
        long count = count(topicId) + delta;
        write(locator, countKey(topicId), count <= 0 ? null : longBytes(count));
        if (count <= 0 && index.get(labelKey(topicId)) != null) {
            // An empty timeline is forgotten, label included, as if it had never been.
            write(index, labelKey(topicId), null);
        }
    }

    private static Bytes labelKey(String topicId) {
        byte[] topic = topicId.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[topic.length + 1];
        key[0] = LABEL;
        System.arraycopy(topic, 0, key, 1, topic.length);
        return Bytes.wrap(key);
    }

    /**
     * Rebuilds the locator from the index unless both carry the same session mark, then marks both with a new
     * one. Checked once per processor instance, before its first read or write, i.e. after the task's state was
     * restored. A mark is written to the changelogged index in the same commit as the first changes of a session,
     * and a task's index changes only in the session of the instance that runs it, so equal marks mean the
     * locator saw every change of the index: a locator left behind by an earlier assignment of the task, one
     * that never existed (a standby or a new instance taking over) or one wiped with the task's state after a
     * crash under exactly-once all differ from the index's mark. Changes the locator may have lost in a crash
     * under at-least-once are those of records after the last commit, which are processed again and re-applied.
     */
    private void ensureLocator() {
        if (checked) {
            return;
        }
        checked = true;
        byte[] session = index.get(SESSION);
        byte[] seen = locator.get(LOCATOR_SESSION);
        if (session == null || seen == null || !Bytes.wrap(seen).equals(Bytes.wrap(locatorSession(session)))) {
            rebuildLocator();
        }
        byte[] next = new byte[16];
        RANDOM.nextBytes(next);
        write(index, SESSION, next);
        write(locator, LOCATOR_SESSION, locatorSession(next));
    }

    private void rebuildLocator() {
        List<Bytes> stale = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = locator.all()) {
            all.forEachRemaining(entry -> stale.add(entry.key));
        }
        stale.forEach(key -> write(locator, key, null));
        Map<String, Long> counts = new HashMap<>();
        try (KeyValueIterator<Bytes, byte[]> all = index.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> entry = all.next();
                if (entry.key.equals(SESSION) || entry.key.get()[0] == LABEL) {
                    continue;
                }
                TimelineKeys.IndexedEntry at = TimelineKeys.parseEntryIndexKey(entry.key);
                write(
                        locator,
                        TimelineKeys.topicArticleKey(LOCATION, at.topicId(), at.articleId()),
                        longBytes(at.publishedAtMillis()));
                if (expiryKeys) {
                    write(
                            locator,
                            TimelineKeys.datedKey(EXPIRY, at.publishedAtMillis(), at.topicId(), at.articleId()),
                            EMPTY);
                }
                counts.merge(at.topicId(), 1L, Long::sum);
            }
        }
        counts.forEach((topicId, count) -> write(locator, countKey(topicId), longBytes(count)));
    }

    /** The locator's mark: the index's session mark and whether the locator holds expiry keys. */
    private byte[] locatorSession(byte[] session) {
        byte[] mark = java.util.Arrays.copyOf(session, session.length + 1);
        mark[session.length] = (byte) (expiryKeys ? 1 : 0);
        return mark;
    }

    private void write(KeyValueStore<Bytes, byte[]> store, Bytes key, byte[] value) {
        if (value == null) {
            store.delete(key);
        } else {
            store.put(key, value);
        }
        writes.record();
    }

    private static Bytes countKey(String topicId) {
        byte[] topic = topicId.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[topic.length + 1];
        key[0] = COUNT;
        System.arraycopy(topic, 0, key, 1, topic.length);
        return Bytes.wrap(key);
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}
