package io.newsline.streams.story;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryRepository.Posting;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary values of the story stores, with a version byte; not Avro: they never leave the app. A story value
 * starts with the stream time it was last written at (for expiry), then the story; centroid weights as floats (the
 * precision a cosine needs).
 */
final class StoryCodec {
    private static final byte VERSION = 1;

    private StoryCodec() {}

    static byte[] encode(Story story, long touchedAt) {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(64 + 24 * story.centroid().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(touchedAt);
            out.writeUTF(story.id());
            out.writeUTF(story.firstTitle());
            out.writeInt(story.articles());
            out.writeLong(story.firstPublishedAt());
            out.writeLong(story.lastPublishedAt());
            out.writeLong(story.datedFirst());
            out.writeLong(story.datedLast());
            LinkedHashMap<String, Double> centroid = story.sortedCentroid();
            out.writeShort(centroid.size());
            for (Map.Entry<String, Double> e : centroid.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeFloat(e.getValue().floatValue());
            }
            List<String> names = new ArrayList<>(story.names().keySet());
            names.sort(null);
            out.writeShort(names.size());
            for (String key : names) {
                out.writeUTF(key);
                out.writeUTF(story.names().get(key));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static long touchedAt(byte[] value) {
        long t = 0;
        for (int i = 1; i < 9; i++) {
            t = (t << 8) | (value[i] & 0xff);
        }
        return t;
    }

    static Story decodeStory(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            version(in.readByte());
            in.readLong();
            String id = in.readUTF();
            String title = in.readUTF();
            int articles = in.readInt();
            long first = in.readLong();
            long last = in.readLong();
            long datedFirst = in.readLong();
            long datedLast = in.readLong();
            int terms = in.readUnsignedShort();
            Map<String, Double> centroid = new HashMap<>(terms * 2);
            for (int i = 0; i < terms; i++) {
                centroid.put(in.readUTF(), (double) in.readFloat());
            }
            int names = in.readUnsignedShort();
            Map<String, String> nameMap = new HashMap<>(names * 2);
            for (int i = 0; i < names; i++) {
                nameMap.put(in.readUTF(), in.readUTF());
            }
            return new Story(id, title, articles, first, last, datedFirst, datedLast, centroid, nameMap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(List<Posting> postings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 + 32 * postings.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeShort(postings.size());
            for (Posting p : postings) {
                out.writeUTF(p.storyId());
                out.writeLong(p.lastPublishedAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Posting> decodePostings(byte[] value) {
        if (value == null) {
            return List.of();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            version(in.readByte());
            int n = in.readUnsignedShort();
            List<Posting> postings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                postings.add(new Posting(in.readUTF(), in.readLong()));
            }
            return postings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void version(byte v) {
        if (v != VERSION) {
            throw new IllegalStateException("unknown story state version " + v);
        }
    }
}
