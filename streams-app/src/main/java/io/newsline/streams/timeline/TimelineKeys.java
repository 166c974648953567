package io.newsline.streams.timeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the timeline topics and the compact binary keys of the timeline stores.
 *
 * <p>An article id is stored as its <em>article key</em>: a lowercase 64-digit hex id (the SHA-256 every real
 * article has) as the byte {@code 0x00} and its 32 raw bytes, half the size of the text; any other id as its UTF-8
 * bytes (which never start with {@code 0x00}). Hex digits and their decoded bytes sort alike, so keys keep the
 * order of the ids (any hex id sorts before any other id, which never meet in practice).
 *
 * <p>Entry keys of the index are ordered the way timelines are read, {@code topicId 0x00 publishedAt articleKey}:
 * all of a topic's entries are one contiguous range, oldest first, and the newest N are a short reverse scan. Both
 * RocksDB and the in-memory stores order {@link Bytes} as unsigned bytes, so the timestamp is written big-endian
 * with its sign bit flipped (negative epochs still sort before positive ones). Topic ids are slugs and never
 * contain {@code 0x00} or {@code 0x01}.
 */
public final class TimelineKeys {
    /** Separates topic id and article id in the keys of {@code news.timeline-entries}. */
    public static final char SEPARATOR = '|';

    private static final byte TOPIC_END = 0x00;
    private static final byte HEX_ID = 0x00;
    private static final int HEX_ID_LENGTH = 64;
    private static final HexFormat HEX = HexFormat.of();

    private TimelineKeys() {}

    /** The key of an entry on {@code news.timeline-entries}: {@code <topicId>|<articleId>}. */
    public static String entryKey(String topicId, String articleId) {
        return topicId + SEPARATOR + articleId;
    }

    /** True for a key of the form {@code <topicId>|<articleId>} with a non-empty topic id. */
    public static boolean isEntryKey(String key) {
        return key != null && key.indexOf(SEPARATOR) > 0;
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

    /** The compact form of an article id (see the class comment). */
    public static byte[] articleKey(String articleId) {
        if (isHexId(articleId)) {
            byte[] key = new byte[1 + HEX_ID_LENGTH / 2];
            key[0] = HEX_ID;
            for (int i = 0; i < HEX_ID_LENGTH / 2; i++) {
                key[1 + i] = (byte) ((Character.digit(articleId.charAt(2 * i), 16) << 4)
                        | Character.digit(articleId.charAt(2 * i + 1), 16));
            }
            return key;
        }
        return articleId.getBytes(StandardCharsets.UTF_8);
    }

    /** The article id an article key of {@code length} bytes at {@code offset} stands for. */
    public static String articleId(byte[] bytes, int offset, int length) {
        if (length == 1 + HEX_ID_LENGTH / 2 && bytes[offset] == HEX_ID) {
            return HEX.formatHex(bytes, offset + 1, offset + length);
        }
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    /** Index key of one entry: ordered by topic, then published-at, then article. */
    public static Bytes entryIndexKey(String topicId, long publishedAtMillis, String articleId) {
        byte[] topic = topicId.getBytes(StandardCharsets.UTF_8);
        byte[] article = articleKey(articleId);
        return Bytes.wrap(ByteBuffer.allocate(topic.length + 1 + Long.BYTES + article.length)
                .put(topic)
                .put(TOPIC_END)
                .putLong(sortable(publishedAtMillis))
                .put(article)
                .array());
    }

    /** The parts of an entry index key. */
    public record IndexedEntry(String topicId, long publishedAtMillis, String articleId) {}

    public static IndexedEntry parseEntryIndexKey(Bytes key) {
        byte[] raw = key.get();
        int end = 0;
        while (raw[end] != TOPIC_END) {
            end++;
        }
        long date = ByteBuffer.wrap(raw, end + 1, Long.BYTES).getLong() ^ Long.MIN_VALUE;
        int article = end + 1 + Long.BYTES;
        return new IndexedEntry(
                new String(raw, 0, end, StandardCharsets.UTF_8), date, articleId(raw, article, raw.length - article));
    }

    /** Inclusive lower bound of a topic's entry index keys. */
    public static Bytes topicRangeFrom(String topicId) {
        return topicBound(topicId, (byte) 0x00);
    }

    /** Inclusive upper bound of a topic's entry index keys (no real key equals it). */
    public static Bytes topicRangeTo(String topicId) {
        return topicBound(topicId, (byte) 0x01);
    }

    /** The published-at of an entry index key, read without decoding the rest. */
    public static long publishedAtOf(Bytes entryIndexKey) {
        byte[] raw = entryIndexKey.get();
        int end = 0;
        while (raw[end] != TOPIC_END) {
            end++;
        }
        return ByteBuffer.wrap(raw, end + 1, Long.BYTES).getLong() ^ Long.MIN_VALUE;
    }

    /** A key of {@code family} followed by topic id, {@code 0x00} and article key. */
    static Bytes topicArticleKey(byte family, String topicId, String articleId) {
        byte[] topic = topicId.getBytes(StandardCharsets.UTF_8);
        byte[] article = articleKey(articleId);
        return Bytes.wrap(ByteBuffer.allocate(1 + topic.length + 1 + article.length)
                .put(family)
                .put(topic)
                .put(TOPIC_END)
                .put(article)
                .array());
    }

    /** A key of {@code family} followed by the sortable date, topic id, {@code 0x00} and article key. */
    static Bytes datedKey(byte family, long publishedAtMillis, String topicId, String articleId) {
        byte[] topic = topicId.getBytes(StandardCharsets.UTF_8);
        byte[] article = articleKey(articleId);
        return Bytes.wrap(ByteBuffer.allocate(1 + Long.BYTES + topic.length + 1 + article.length)
                .put(family)
                .putLong(sortable(publishedAtMillis))
                .put(topic)
                .put(TOPIC_END)
                .put(article)
                .array());
    }

    /** Topic id and article id of a {@link #datedKey}. */
    static IndexedEntry parseDatedKey(Bytes key) {
        byte[] raw = key.get();
        long date = ByteBuffer.wrap(raw, 1, Long.BYTES).getLong() ^ Long.MIN_VALUE;
        int start = 1 + Long.BYTES;
        int end = start;
        while (raw[end] != TOPIC_END) {
            end++;
        }
        return new IndexedEntry(
                new String(raw, start, end - start, StandardCharsets.UTF_8),
                date,
                articleId(raw, end + 1, raw.length - end - 1));
    }

    /** Upper bound of the {@link #datedKey}s of {@code family} dated before {@code cutoffMillis}. */
    static Bytes datedKeysBefore(byte family, long cutoffMillis) {
        return Bytes.wrap(ByteBuffer.allocate(1 + Long.BYTES)
                .put(family)
                .putLong(sortable(cutoffMillis))
                .array());
    }

    private static boolean isHexId(String id) {
        if (id.length() != HEX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEX_ID_LENGTH; i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static Bytes topicBound(String topicId, byte suffix) {
        byte[] topic = topicId.getBytes(StandardCharsets.UTF_8);
        byte[] bound = new byte[topic.length + 1];
        System.arraycopy(topic, 0, bound, 0, topic.length);
        bound[topic.length] = suffix;
        return Bytes.wrap(bound);
    }

    static long sortable(long millis) {
        return millis ^ Long.MIN_VALUE;
    }
}
