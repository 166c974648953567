package io.newsline.streams.timeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The topics of one timeline partition that were merged into another (store {@code timeline-merged-topics},
 * changelogged, filled from {@code news.story-merges}): merged topic id -> the topic it went into and when. An entry
 * filed to a merged topic after its move (a merge chain, an entry on its way, a restart) is re-routed to the
 * survivor by {@link TimelineIndexer}, a retraction of a moved entry likewise.
 *
 * <p>A chain is followed as far as this partition knows it (a merge whose survivor was itself merged here); a
 * survivor merged on another partition is reached by the re-routed entry itself, which lands on that partition
 * and is re-routed again. Bounded: a merge is forgotten once it is older than the timeline retention, when
 * whatever was filed under the merged topic has expired too (with no retention, one small record per merge stays).
 * Value: the survivor's id in UTF-8 after the merge time (8 bytes). It also notes the tombstones this partition
 * sends for entries of merged topics until they are read back ({@link #claimRemoval}).
 */
public final class MergedTopics {
    /** Longer chains than this within one partition are treated as a loop (never written by the keepers). */
    static final int MAX_HOPS = 64;

    private final KeyValueStore<Bytes, byte[]> store;

    public MergedTopics(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /**
     * Records that {@code from} went into {@code into} at {@code mergedAtMillis}; returns the survivor recorded (the
     * end of the chain from {@code into} as known here), or null when it leads back to {@code from} (ignored).
     */
    public String record(String from, String into, long mergedAtMillis) {
        String survivor = follow(into);
        if (survivor == null || survivor.equals(from)) {
            return null;
        }
        byte[] id = survivor.getBytes(StandardCharsets.UTF_8);
        store.put(
                key(from),
                ByteBuffer.allocate(Long.BYTES + id.length)
                        .putLong(mergedAtMillis)
                        .put(id)
                        .array());
        return survivor;
    }

    /** The topic {@code topicId} went into (the end of its chain as known here), or null when it was not merged. */
    public String survivorOf(String topicId) {
        String survivor = follow(topicId);
        return survivor == null || survivor.equals(topicId) ? null : survivor;
    }

    /**
     * Claims the removal of the entry {@code entryKey} of a merged topic, to be forwarded as a tombstone now (the
     * entry moves or is re-routed): true when no tombstone of ours for it is on its way yet (the claim is noted),
     * false when one is (the entry was read back twice before it: one tombstone is enough, a second one would come
     * back as a tombstone of an entry no longer held and be passed on to the survivor as if it were a retraction).
     */
    public boolean claimRemoval(String entryKey, long atMillis) {
        Bytes key = removalKey(entryKey);
        if (store.get(key) != null) {
            return false;
        }
        store.put(key, ByteBuffer.allocate(Long.BYTES).putLong(atMillis).array());
        return true;
    }

    /** Whether a tombstone read back for {@code entryKey} was one of ours ({@link #claimRemoval}); forgets the claim. */
    public boolean takeRemoval(String entryKey) {
        Bytes key = removalKey(entryKey);
        if (store.get(key) == null) {
            return false;
        }
        store.delete(key);
        return true;
    }

    /** Forgets merges (and claims) older than {@code cutoffMillis}; returns how many. */
    public int forgetBefore(long cutoffMillis) {
        List<Bytes> old = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> merge = all.next();
                if (ByteBuffer.wrap(merge.value).getLong() < cutoffMillis) {
                    old.add(merge.key);
                }
            }
        }
        old.forEach(store::delete);
        return old.size();
    }

    /** The end of the chain from {@code topicId} (itself when not merged), or null on a loop. */
    private String follow(String topicId) {
        String at = topicId;
        for (int hops = 0; hops <= MAX_HOPS; hops++) {
            byte[] value = store.get(key(at));
            if (value == null) {
                return at;
            }
            at = new String(value, Long.BYTES, value.length - Long.BYTES, StandardCharsets.UTF_8);
            if (at.equals(topicId)) {
                return null;
            }
        }
        return null;
    }

    /** Claims are keyed {@code 0x00 <topicId>|<articleId>}: a topic id (a slug) never starts with 0x00. */
    private static Bytes removalKey(String entryKey) {
        byte[] utf8 = entryKey.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, key, 1, utf8.length);
        return Bytes.wrap(key);
    }

    private static Bytes key(String topicId) {
        return Bytes.wrap(topicId.getBytes(StandardCharsets.UTF_8));
    }
}
