package io.newsline.streams.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The messages deduplication tasks send each other through the exchange topic (see {@link DedupStage}). Every
 * message names the partition it is addressed to: a probe goes to the bucket that indexes its band keys, the
 * other messages to the home partition of the article they are about (the partition of its raw record).
 *
 * <p>They are encoded by hand in a small fixed binary layout (a version byte, a type byte, then the fields): they
 * never leave this app, a few are sent per article, and a compact layout without a schema-registry round trip is
 * most of what keeps this stage within its byte budget. A change of layout takes a new version byte.
 */
public sealed interface DedupMessage {
    byte VERSION = 1;

    /** The exchange partition (for a probe: the bucket, taken modulo the partition count) it is addressed to. */
    int partition();

    /**
     * Where a stored article lives: its {@link ArticleKey}, the time it was indexed under (its raw record's
     * timestamp) and its home partition.
     */
    record Member(byte[] key, long indexTime, int home) {}

    /**
     * An article's band keys (and, in one probe, its body fingerprint key) for the bucket {@code partition}: look
     * up who else has them, then add me.
     */
    record Probe(int partition, Member article, long[] bandKeys, boolean hasFingerprint, long fingerprintKey)
            implements DedupMessage {}

    /** The articles a probe found, sent back to the probing article's home; one reply per probe. */
    record Reply(int partition, byte[] key, List<Member> candidates) implements DedupMessage {}

    /**
     * Compare yourself ({@code target}) with me ({@code from}): sent to the target's home with what the comparison
     * and a revision need of the sender.
     */
    record Compare(
            int partition,
            Member target,
            Member from,
            String fromId,
            long fromIngestedAt,
            String fromFingerprint,
            int[] fromShingles)
            implements DedupMessage {}

    /**
     * The answer to a {@link Compare}, sent back to the sender's home: the partner's id and ingest time and the
     * similarity of the two bodies ({@code -1} when the partner is no longer known); {@code exact} when the
     * normalized bodies are identical.
     */
    record CompareResult(
            int partition, byte[] key, String partnerId, long partnerIngestedAt, double similarity, boolean exact)
            implements DedupMessage {}

    static Serde<DedupMessage> serde() {
        return Serdes.serdeFrom(new Codec(), new Codec());
    }

    /** The binary layout; see the class comment. */
    final class Codec implements Serializer<DedupMessage>, Deserializer<DedupMessage> {
        @Override
        public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

        @Override
        public void close() {}

        private static final byte PROBE = 1;
        private static final byte REPLY = 2;
        private static final byte COMPARE = 3;
        private static final byte COMPARE_RESULT = 4;
        private static final int MEMBER_SIZE = ArticleKey.SIZE + 8 + 4;

        @Override
        public byte[] serialize(String topic, DedupMessage message) {
            if (message == null) {
                return null;
            }
            if (message instanceof Probe p) {
                ByteBuffer out = header(PROBE, p.partition(), MEMBER_SIZE + 4 + 8 * p.bandKeys().length + 9);
                putMember(out, p.article());
                out.putInt(p.bandKeys().length);
                for (long key : p.bandKeys()) {
                    out.putLong(key);
                }
                out.put((byte) (p.hasFingerprint() ? 1 : 0)).putLong(p.fingerprintKey());
                return out.array();
            }
            if (message instanceof Reply r) {
                ByteBuffer out = header(
                        REPLY,
                        r.partition(),
                        ArticleKey.SIZE + 4 + MEMBER_SIZE * r.candidates().size());
                out.put(r.key()).putInt(r.candidates().size());
                r.candidates().forEach(member -> putMember(out, member));
                return out.array();
            }
            if (message instanceof Compare c) {
                byte[] id = utf8(c.fromId());
                byte[] fingerprint = utf8(c.fromFingerprint());
                ByteBuffer out = header(
                        COMPARE,
                        c.partition(),
                        2 * MEMBER_SIZE + 4 + id.length + 8 + 4 + fingerprint.length + 4 + 4 * c.fromShingles().length);
                putMember(out, c.target());
                putMember(out, c.from());
                out.putInt(id.length).put(id).putLong(c.fromIngestedAt());
                out.putInt(fingerprint.length).put(fingerprint);
                out.putInt(c.fromShingles().length);
                for (int shingle : c.fromShingles()) {
                    out.putInt(shingle);
                }
                return out.array();
            }
            if (message instanceof CompareResult r) {
                byte[] id = utf8(r.partnerId());
                ByteBuffer out = header(COMPARE_RESULT, r.partition(), ArticleKey.SIZE + 4 + id.length + 8 + 8 + 1);
                out.put(r.key()).putInt(id.length).put(id);
                out.putLong(r.partnerIngestedAt()).putDouble(r.similarity()).put((byte) (r.exact() ? 1 : 0));
                return out.array();
            }
            throw new IllegalArgumentException("not a dedup message: " + message.getClass());
        }

        @Override
        public DedupMessage deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(data);
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown dedup message version " + version);
            }
            byte type = in.get();
            int partition = in.getInt();
            return switch (type) {
                case PROBE -> {
                    Member article = member(in);
                    long[] keys = new long[in.getInt()];
                    for (int i = 0; i < keys.length; i++) {
                        keys[i] = in.getLong();
                    }
                    yield new Probe(partition, article, keys, in.get() == 1, in.getLong());
                }
                case REPLY -> {
                    byte[] key = key(in);
                    int count = in.getInt();
                    List<Member> candidates = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        candidates.add(member(in));
                    }
                    yield new Reply(partition, key, candidates);
                }
                case COMPARE -> {
                    Member target = member(in);
                    Member from = member(in);
                    String id = string(in);
                    long ingestedAt = in.getLong();
                    String fingerprint = string(in);
                    int[] shingles = new int[in.getInt()];
                    for (int i = 0; i < shingles.length; i++) {
                        shingles[i] = in.getInt();
                    }
                    yield new Compare(partition, target, from, id, ingestedAt, fingerprint, shingles);
                }
                case COMPARE_RESULT ->
                    new CompareResult(partition, key(in), string(in), in.getLong(), in.getDouble(), in.get() == 1);
                default -> throw new IllegalArgumentException("unknown dedup message type " + type);
            };
        }

        private static ByteBuffer header(byte type, int partition, int bodySize) {
            return ByteBuffer.allocate(2 + 4 + bodySize).put(VERSION).put(type).putInt(partition);
        }

        private static void putMember(ByteBuffer out, Member member) {
            out.put(member.key()).putLong(member.indexTime()).putInt(member.home());
        }

        private static Member member(ByteBuffer in) {
            return new Member(key(in), in.getLong(), in.getInt());
        }

        private static byte[] key(ByteBuffer in) {
            byte[] key = new byte[ArticleKey.SIZE];
            in.get(key);
            return key;
        }

        private static byte[] utf8(String s) {
            return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        }

        private static String string(ByteBuffer in) {
            byte[] bytes = new byte[in.getInt()];
            in.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
