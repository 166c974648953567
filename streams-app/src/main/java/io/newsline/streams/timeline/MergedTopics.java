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
 * Value: the survivor's id in UTF-8 after the merge time (8 bytes).
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

    /** Forgets merges decided before {@code cutoffMillis}; returns how many. */
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

    private static Bytes key(String topicId) {
        return Bytes.wrap(topicId.getBytes(StandardCharsets.UTF_8));
    }
}
