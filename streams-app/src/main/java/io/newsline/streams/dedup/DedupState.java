package io.newsline.streams.dedup;

import io.newsline.streams.avro.ParsedArticle;
import io.newsline.streams.topics.InternalAvroSerde;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What deduplication keeps per article, and its store serdes (hand-encoded like {@link DedupMessage}, for the same
 * reason: internal, small, no registry round trip).
 */
public final class DedupState {
    private DedupState() {}

    /**
     * A decided article, kept for the retention so that later (or late) articles can be compared with it: the
     * facts a comparison and a notice need, its shingles, and its verdict ({@code originalId} null for an original).
     */
    public record Decided(
            String articleId,
            long ingestedAt,
            String fingerprint,
            String sourceUri,
            String title,
            int[] shingles,
            String originalId,
            long originalIngestedAt,
            boolean exact,
            double similarity) {

        public boolean isOriginal() {
            return originalId == null;
        }

        Decided withOriginal(String id, long ingested, boolean isExact, double similarityToIt) {
            return new Decided(
                    articleId,
                    ingestedAt,
                    fingerprint,
                    sourceUri,
                    title,
                    shingles,
                    id,
                    ingested,
                    isExact,
                    similarityToIt);
        }
    }

    /**
     * An article waiting for its evidence: the facts comparisons and notices need (the article itself waits in
     * its own store, written once), where it is indexed, how many replies and comparisons it waits for, which
     * partners it asked, and the best original found so far.
     */
    public static final class Pending {
        final String articleId;
        final long ingestedAt;
        final String fingerprint;
        final long indexTime;
        final int home;
        int repliesExpected;
        int repliesReceived;
        int comparesSent;
        int comparesReceived;
        final List<byte[]> asked;
        String originalId;
        long originalIngestedAt;
        boolean exact;
        double similarity;

        Pending(ParsedArticle article, long indexTime, int home, int repliesExpected) {
            this(
                    article.getArticleId(),
                    article.getSource().getIngestedAt().toEpochMilli(),
                    article.getFingerprint(),
                    indexTime,
                    home,
                    repliesExpected,
                    0,
                    0,
                    0,
                    new ArrayList<>(),
                    null,
                    0,
                    false,
                    0);
        }

        private Pending(
                String articleId,
                long ingestedAt,
                String fingerprint,
                long indexTime,
                int home,
                int repliesExpected,
                int repliesReceived,
                int comparesSent,
                int comparesReceived,
                List<byte[]> asked,
                String originalId,
                long originalIngestedAt,
                boolean exact,
                double similarity) {
            this.articleId = articleId;
            this.ingestedAt = ingestedAt;
            this.fingerprint = fingerprint;
            this.indexTime = indexTime;
            this.home = home;
            this.repliesExpected = repliesExpected;
            this.repliesReceived = repliesReceived;
            this.comparesSent = comparesSent;
            this.comparesReceived = comparesReceived;
            this.asked = asked;
            this.originalId = originalId;
            this.originalIngestedAt = originalIngestedAt;
            this.exact = exact;
            this.similarity = similarity;
        }

        boolean complete() {
            return repliesReceived >= repliesExpected && comparesReceived >= comparesSent;
        }

        boolean hasAsked(byte[] key) {
            for (byte[] k : asked) {
                if (java.util.Arrays.equals(k, key)) {
                    return true;
                }
            }
            return false;
        }
    }

    public static Serde<Decided> decidedSerde() {
        return Serdes.serdeFrom(new DecidedCodec(), new DecidedCodec());
    }

    public static Serde<Pending> pendingSerde() {
        return Serdes.serdeFrom(new PendingCodec(), new PendingCodec());
    }

    static final class DecidedCodec implements Serializer<Decided>, Deserializer<Decided> {
        @Override
        public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

        @Override
        public void close() {}

        @Override
        public byte[] serialize(String topic, Decided d) {
            if (d == null) {
                return null;
            }
            Writer out = new Writer();
            out.out.write(DedupMessage.VERSION);
            out.string(d.articleId());
            out.longValue(d.ingestedAt());
            out.string(d.fingerprint());
            out.string(d.sourceUri());
            out.string(d.title());
            out.ints(d.shingles());
            out.string(d.originalId());
            out.longValue(d.originalIngestedAt());
            out.out.write(d.exact() ? 1 : 0);
            out.longValue(Double.doubleToLongBits(d.similarity()));
            return out.out.toByteArray();
        }

        @Override
        public Decided deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(data);
            checkVersion(in.get());
            return new Decided(
                    string(in),
                    in.getLong(),
                    string(in),
                    string(in),
                    string(in),
                    ints(in),
                    string(in),
                    in.getLong(),
                    in.get() == 1,
                    Double.longBitsToDouble(in.getLong()));
        }
    }

    /** A parsed article in Avro's binary encoding (no registry: it never leaves the app). */
    public static Serde<ParsedArticle> articleSerde() {
        return new InternalAvroSerde<>(ParsedArticle.class);
    }

    static final class PendingCodec implements Serializer<Pending>, Deserializer<Pending> {
        @Override
        public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

        @Override
        public void close() {}

        @Override
        public byte[] serialize(String topic, Pending p) {
            if (p == null) {
                return null;
            }
            Writer out = new Writer();
            out.out.write(DedupMessage.VERSION);
            out.string(p.articleId);
            out.longValue(p.ingestedAt);
            out.string(p.fingerprint);
            out.longValue(p.indexTime);
            out.intValue(p.home);
            out.intValue(p.repliesExpected);
            out.intValue(p.repliesReceived);
            out.intValue(p.comparesSent);
            out.intValue(p.comparesReceived);
            out.intValue(p.asked.size());
            p.asked.forEach(key -> out.out.write(key, 0, key.length));
            out.string(p.originalId);
            out.longValue(p.originalIngestedAt);
            out.out.write(p.exact ? 1 : 0);
            out.longValue(Double.doubleToLongBits(p.similarity));
            return out.out.toByteArray();
        }

        @Override
        public Pending deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(data);
            checkVersion(in.get());
            String articleId = string(in);
            long ingestedAt = in.getLong();
            String fingerprint = string(in);
            long indexTime = in.getLong();
            int home = in.getInt();
            int expected = in.getInt();
            int received = in.getInt();
            int sent = in.getInt();
            int answered = in.getInt();
            int askedCount = in.getInt();
            List<byte[]> asked = new ArrayList<>(askedCount);
            for (int i = 0; i < askedCount; i++) {
                byte[] key = new byte[ArticleKey.SIZE];
                in.get(key);
                asked.add(key);
            }
            String originalId = string(in);
            long originalIngestedAt = in.getLong();
            boolean exact = in.get() == 1;
            double similarity = Double.longBitsToDouble(in.getLong());
            return new Pending(
                    articleId,
                    ingestedAt,
                    fingerprint,
                    indexTime,
                    home,
                    expected,
                    received,
                    sent,
                    answered,
                    asked,
                    originalId,
                    originalIngestedAt,
                    exact,
                    similarity);
        }
    }

    private static void checkVersion(byte version) {
        if (version != DedupMessage.VERSION) {
            throw new IllegalArgumentException("unknown dedup state version " + version);
        }
    }

    /** A null string is written as length -1. */
    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int[] ints(ByteBuffer in) {
        int[] values = new int[in.getInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.getInt();
        }
        return values;
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        void intValue(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        }

        void longValue(long v) {
            intValue((int) (v >>> 32));
            intValue((int) v);
        }

        void string(String s) {
            if (s == null) {
                intValue(-1);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            intValue(bytes.length);
            out.write(bytes, 0, bytes.length);
        }

        void ints(int[] values) {
            intValue(values.length);
            for (int v : values) {
                intValue(v);
            }
        }
    }
}
