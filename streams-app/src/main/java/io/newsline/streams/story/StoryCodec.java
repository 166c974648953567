package io.newsline.streams.story;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryFeatureExtractor;
import io.newsline.article.story.StoryFeatures;
import io.newsline.article.story.StoryKeeper;
import io.newsline.article.story.StoryPostings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary values of the story stage's stores and its two own topics, each starting with a kind byte (which is also
 * the format's version); not Avro: they never leave the app. Centroid and vector weights as floats (the precision a
 * cosine needs), terms in a stable order (strongest first), so equal states give equal bytes.
 */
final class StoryCodec {
    /** A live story: a ledger entry without the looks field, or a summary without postings (both still read). */
    private static final byte LIVE = 1;

    private static final byte MERGED = 2;
    /** A summary that starts with its postings (the format before it, {@link #LIVE}, carried none). */
    private static final byte SUMMARY = 3;
    /** A live story's ledger entry with the time its looks for a twin started ({@link #looksSince}). */
    private static final byte LIVE_LOOKING = 4;

    /** {@link #looksSince} of an entry whose story was not looking for a twin when it was written. */
    static final long NOT_LOOKING = Long.MIN_VALUE;

    private static final byte JOIN = 11;
    private static final byte ABSORB = 12;
    private static final byte MERGE_INTO = 13;

    private StoryCodec() {}

    /**
     * A ledger entry of the {@code story-stories} store, with the stream time it was last written at and, for a live
     * story, the wall-clock time its looks for a twin started (founding or last absorb; {@link #NOT_LOOKING} once its
     * looks are over): what the keeper's recheck schedule is rebuilt from when the task starts.
     */
    static byte[] encodeEntry(StoryKeeper.Entry entry, long touchedAt, long looksSince) {
        return write(out -> {
            if (entry instanceof StoryKeeper.Live live) {
                out.writeByte(LIVE_LOOKING);
                out.writeLong(touchedAt);
                out.writeLong(looksSince);
                writeStory(out, live.story());
            } else {
                out.writeByte(MERGED);
                out.writeLong(touchedAt);
                out.writeUTF(((StoryKeeper.MergedInto) entry).into());
            }
        });
    }

    static StoryKeeper.Entry decodeEntry(byte[] value) {
        return read(value, in -> {
            byte kind = in.readByte();
            in.readLong();
            if (kind == LIVE_LOOKING) {
                in.readLong();
                return new StoryKeeper.Live(readStory(in));
            }
            if (kind == LIVE) {
                return new StoryKeeper.Live(readStory(in));
            }
            if (kind == MERGED) {
                return new StoryKeeper.MergedInto(in.readUTF());
            }
            throw new IllegalStateException("unknown story entry kind " + kind);
        });
    }

    /**
     * The stream time an entry was last written at (bytes 1-8); for a value too short to hold it (not one this codec
     * wrote), the earliest time, so that the next round of closing stories forgets it.
     */
    static long touchedAt(byte[] value) {
        return value.length < 1 + Long.BYTES ? Long.MIN_VALUE : longAt(value, 1);
    }

    /**
     * The wall-clock time the entry's story started looking for a twin (bytes 9-16), or {@link #NOT_LOOKING}: a
     * merged story's entry, one written when its looks were over, or one of the first format.
     */
    static long looksSince(byte[] value) {
        return value.length >= 1 + 2 * Long.BYTES && value[0] == LIVE_LOOKING ? longAt(value, 9) : NOT_LOOKING;
    }

    private static long longAt(byte[] value, int offset) {
        long t = 0;
        for (int i = offset; i < offset + Long.BYTES; i++) {
            t = (t << 8) | (value[i] & 0xff);
        }
        return t;
    }

    /**
     * A story summary on the matching topic, led by its postings (story id, posting order, keys) so that the global
     * store's loader reads where to index the story without decoding the centroid.
     */
    static byte[] encodeSummary(StoryKeeper.PublishSummary published) {
        StoryPostings postings = published.postings();
        return write(out -> {
            out.writeByte(SUMMARY);
            out.writeUTF(postings.storyId());
            out.writeUTF(postings.postingOrder());
            writeCount(out, postings.keys().size());
            for (String key : postings.keys()) {
                out.writeUTF(key);
            }
            writeStory(out, published.summary());
        });
    }

    /** A summary as the matching topic carries it: where it indexes its story (null: the earlier format), and it. */
    record Summary(StoryPostings postings, Story story) {}

    /**
     * A whole summary read and checked: every byte decodes, nothing follows it, and it names one story throughout. The
     * one reader of a whole summary: the matching loader checks each before it stores it, the cache decodes what the
     * store holds.
     *
     * @throws IllegalStateException when it does not, with what is wrong (the matching loader's reason to skip it)
     */
    static Summary readSummary(String storyId, byte[] value) {
        Summary summary;
        try {
            summary = read(value, in -> {
                StoryPostings postings = readSummaryHead(in);
                Story story = readStory(in);
                if (in.available() > 0) {
                    throw new IllegalStateException(in.available() + " bytes after the summary");
                }
                return new Summary(postings, story);
            });
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("summary does not decode: " + e.getCause(), e);
        }
        if (!summary.story().id().equals(storyId)
                || (summary.postings() != null && !summary.postings().storyId().equals(storyId))) {
            throw new IllegalStateException(
                    "summary of story " + summary.story().id() + " under story " + storyId);
        }
        if (summary.story().articles() < 1) {
            throw new IllegalStateException("summary of " + summary.story().articles() + " articles");
        }
        if (!summary.story().finiteWeights()) {
            throw new IllegalStateException("summary with a centroid weight that is not a finite number");
        }
        return summary;
    }

    /**
     * Where a summary indexes its story, read from its first bytes; null for a summary of the earlier format, whose
     * postings came as records of their own.
     */
    static StoryPostings summaryPostings(byte[] value) {
        return read(value, StoryCodec::readSummaryHead);
    }

    /** A summary's kind and, for {@link #SUMMARY}, its postings; null for the earlier format ({@link #LIVE}). */
    private static StoryPostings readSummaryHead(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        if (kind == LIVE) {
            return null;
        }
        if (kind != SUMMARY) {
            throw new IllegalStateException("unknown story summary kind " + kind);
        }
        return readPostings(in);
    }

    private static StoryPostings readPostings(DataInputStream in) throws IOException {
        String storyId = in.readUTF();
        String postingOrder = in.readUTF();
        int count = in.readUnsignedShort();
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(in.readUTF());
        }
        return new StoryPostings(storyId, keys, postingOrder);
    }

    /** A message to a story's keeper on the story-updates topic. */
    static byte[] encodeMessage(StoryKeeper.Message message) {
        return write(out -> {
            if (message instanceof StoryKeeper.Join join) {
                out.writeByte(JOIN);
                writeFeatures(out, join.article());
            } else if (message instanceof StoryKeeper.Absorb absorb) {
                out.writeByte(ABSORB);
                writeStory(out, absorb.merged());
            } else {
                out.writeByte(MERGE_INTO);
                out.writeUTF(((StoryKeeper.MergeInto) message).into());
            }
        });
    }

    static StoryKeeper.Message decodeMessage(byte[] value) {
        return read(value, in -> {
            byte kind = in.readByte();
            return switch (kind) {
                case JOIN -> new StoryKeeper.Join(readFeatures(in));
                case ABSORB -> new StoryKeeper.Absorb(readStory(in));
                case MERGE_INTO -> new StoryKeeper.MergeInto(in.readUTF());
                default -> throw new IllegalStateException("unknown story message kind " + kind);
            };
        });
    }

    private static void writeStory(DataOutputStream out, Story story) throws IOException {
        out.writeUTF(story.id());
        out.writeUTF(story.firstTitle());
        out.writeInt(story.articles());
        out.writeLong(story.firstPublishedAt());
        out.writeLong(story.lastPublishedAt());
        out.writeLong(story.datedFirst());
        out.writeLong(story.datedLast());
        writeWeights(out, story.sortedCentroid());
        writeNames(out, story.names());
        // Last, and last in every value that holds a story (entry, summary, absorb): earlier versions stop reading
        // before it, and a value without it reads as unknown.
        out.writeLong(story.foundedAt());
    }

    private static Story readStory(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String title = in.readUTF();
        int articles = in.readInt();
        long first = in.readLong();
        long last = in.readLong();
        long datedFirst = in.readLong();
        long datedLast = in.readLong();
        Weights centroid = readWeights(in);
        Map<String, String> names = readNames(in);
        long foundedAt = in.available() >= Long.BYTES ? in.readLong() : Story.UNKNOWN_FOUNDING;
        return Story.decoded(
                id,
                title,
                articles,
                first,
                last,
                datedFirst,
                datedLast,
                centroid.terms(),
                centroid.weights(),
                names,
                foundedAt);
    }

    /** An article's features as its story's keeper needs them (no blocking keys: the matcher used those). */
    private static void writeFeatures(DataOutputStream out, StoryFeatures f) throws IOException {
        out.writeUTF(f.articleId());
        out.writeLong(f.publishedAt());
        out.writeBoolean(f.dated());
        out.writeUTF(f.title());
        List<Map.Entry<String, Double>> terms = new ArrayList<>(f.vector().entrySet());
        terms.sort(StoryFeatureExtractor.STRONGEST_FIRST);
        writeWeights(out, terms);
        writeNames(out, f.names());
    }

    private static StoryFeatures readFeatures(DataInputStream in) throws IOException {
        String id = in.readUTF();
        long publishedAt = in.readLong();
        boolean dated = in.readBoolean();
        String title = in.readUTF();
        Weights weights = readWeights(in);
        Map<String, Double> vector = new HashMap<>(weights.terms().length * 2);
        for (int i = 0; i < weights.terms().length; i++) {
            vector.put(weights.terms()[i], weights.weights()[i]); // a term written twice: its last weight
        }
        Map<String, String> names = readNames(in);
        return new StoryFeatures(id, publishedAt, dated, title, vector, List.of(), names);
    }

    private static void writeWeights(DataOutputStream out, List<Map.Entry<String, Double>> weights) throws IOException {
        writeCount(out, weights.size());
        for (Map.Entry<String, Double> e : weights) {
            out.writeUTF(e.getKey());
            out.writeFloat(e.getValue().floatValue());
        }
    }

    /** Terms and their weights in the order {@link #writeWeights} wrote them. */
    private record Weights(String[] terms, double[] weights) {}

    private static Weights readWeights(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        String[] terms = new String[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            terms[i] = in.readUTF();
            weights[i] = in.readFloat();
        }
        return new Weights(terms, weights);
    }

    private static void writeNames(DataOutputStream out, Map<String, String> names) throws IOException {
        List<String> keys = new ArrayList<>(names.keySet());
        keys.sort(null);
        writeCount(out, keys.size());
        for (String key : keys) {
            out.writeUTF(key);
            out.writeUTF(names.get(key));
        }
    }

    private static Map<String, String> readNames(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        Map<String, String> names = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            names.put(in.readUTF(), in.readUTF());
        }
        return names;
    }

    /** A list's length as an unsigned short: one that does not fit fails, rather than wrapping into garbage. */
    private static void writeCount(DataOutputStream out, int count) throws IOException {
        if (count > 0xFFFF) {
            throw new IllegalStateException(count + " entries, more than a story value holds (65,535)");
        }
        out.writeShort(count);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048); // a summary or an entry: 1-3 KB, no regrowth
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] value, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
