package io.newsline.streams.timeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the timeline topics and stores.
 *
 * <p>Store keys are byte strings ordered the way timelines are read: {@code topicId 0x00 publishedAt articleId},
 * so all of one topic's entries are one contiguous range, oldest first, and the newest N are a short reverse
 * scan. Both RocksDB and the in-memory stores order {@link Bytes} lexicographically as unsigned bytes, so the
 * timestamp is written big-endian with its sign bit flipped (negative epochs still sort before positive ones).
 * Topic ids are slugs and never contain 0x00 or 0x01.
 */
public final class TimelineKeys {
    /** Separates topic id and article id in the keys of {@code news.timeline-entries}. */
    public static final char SEPARATOR = '|';

    private static final byte TOPIC_END = 0x00;

    private TimelineKeys() {}

    /** The key of an entry on {@code news.timeline-entries}: {@code <topicId>|<articleId>}. */
    public static String entryKey(String topicId, String articleId) {
        return topicId + SEPARATOR + articleId;
    }

    public static String topicIdOf(String entryKey) {
        int at = entryKey.indexOf(SEPARATOR);
        if (at <= 0) {
            throw new IllegalArgumentException("Not a timeline entry key (<topicId>|<articleId>): " + entryKey);
        }
        return entryKey.substring(0, at);
    }

    public static String articleIdOf(String entryKey) {
        return entryKey.substring(topicIdOf(entryKey).length() + 1);
    }

    /** Store key of one entry: ordered by topic, then published-at, then article id. */
    public static Bytes entryStoreKey(String topicId, long publishedAtMillis, String articleId) {
        byte[] topic = topicId.getBytes(StandardCharsets.UTF_8);
        byte[] article = articleId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(topic.length + 1 + Long.BYTES + article.length)
                .put(topic)
                .put(TOPIC_END)
                .putLong(sortable(publishedAtMillis))
                .put(article)
                .array());
    }

    /** Inclusive lower bound of a topic's entry keys. */
    public static Bytes topicRangeFrom(String topicId) {
        return topicBound(topicId, (byte) 0x00);
    }

    /** Inclusive upper bound of a topic's entry keys (no real key equals it). */
    public static Bytes topicRangeTo(String topicId) {
        return topicBound(topicId, (byte) 0x01);
    }

    /** Key of the expiry index: ordered by published-at first, so expired entries are one range scan. */
    public static Bytes expiryKey(long publishedAtMillis, String topicId, String articleId) {
        byte[] rest = entryKey(topicId, articleId).getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + rest.length)
                .putLong(sortable(publishedAtMillis))
                .put(rest)
                .array());
    }

    /**
     * Inclusive upper bound of the expiry keys published before {@code cutoffMillis}: the bare timestamp sorts
     * after every key of an earlier time and before every key of that very time (those are longer).
     */
    public static Bytes expiryRangeTo(long cutoffMillis) {
        return Bytes.wrap(
                ByteBuffer.allocate(Long.BYTES).putLong(sortable(cutoffMillis)).array());
    }

    public static Bytes expiryRangeFrom() {
        return Bytes.wrap(new byte[0]);
    }

    /** The entry key ({@code <topicId>|<articleId>}) an expiry key points at. */
    public static String entryKeyOfExpiryKey(Bytes expiryKey) {
        byte[] raw = expiryKey.get();
        return new String(raw, Long.BYTES, raw.length - Long.BYTES, StandardCharsets.UTF_8);
    }

    private static Bytes topicBound(String topicId, byte suffix) {
        byte[] topic = topicId.getBytes(StandardCharsets.UTF_8);
        byte[] bound = new byte[topic.length + 1];
        System.arraycopy(topic, 0, bound, 0, topic.length);
        bound[topic.length] = suffix;
        return Bytes.wrap(bound);
    }

    private static long sortable(long millis) {
        return millis ^ Long.MIN_VALUE;
    }
}
