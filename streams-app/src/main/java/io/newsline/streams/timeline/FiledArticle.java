package io.newsline.streams.timeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the filing stage remembers of one article, the value of store {@code timeline-filed} (keyed by article key,
 * see {@link TimelineKeys#articleKey}): the topics its entries are filed under (to remove them when it loses a
 * topic or is retracted, and to patch them when another source repeats it) and the sources that repeated it
 * ("also reported by", possibly before the article itself arrived). Only what cannot be found elsewhere: the
 * entries themselves are on {@code news.timeline-entries}. Encoded as two length-prefixed lists of UTF-8 strings
 * with varint lengths (about 150 bytes for ten topics), not Avro: no schema id, no registry lookup.
 */
public record FiledArticle(List<String> topicIds, List<String> sources) {
    public static final FiledArticle NONE = new FiledArticle(List.of(), List.of());

    public FiledArticle {
        topicIds = List.copyOf(topicIds);
        sources = List.copyOf(sources);
    }

    public boolean isEmpty() {
        return topicIds.isEmpty() && sources.isEmpty();
    }

    public FiledArticle withTopicIds(List<String> ids) {
        return new FiledArticle(ids, sources);
    }

    public FiledArticle withSources(List<String> list) {
        return new FiledArticle(topicIds, list);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 16 * (topicIds.size() + sources.size()));
        writeList(out, topicIds);
        writeList(out, sources);
        return out.toByteArray();
    }

    public static FiledArticle decode(byte[] bytes) {
        if (bytes == null) {
            return NONE;
        }
        int[] at = {0};
        List<String> topics = readList(bytes, at);
        List<String> sources = readList(bytes, at);
        return new FiledArticle(topics, sources);
    }

    private static void writeList(ByteArrayOutputStream out, List<String> strings) {
        writeVarint(out, strings.size());
        for (String string : strings) {
            byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
            writeVarint(out, utf8.length);
            out.write(utf8, 0, utf8.length);
        }
    }

    private static List<String> readList(byte[] bytes, int[] at) {
        int count = readVarint(bytes, at);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = readVarint(bytes, at);
            strings.add(new String(bytes, at[0], length, StandardCharsets.UTF_8));
            at[0] += length;
        }
        return strings;
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7f) != 0) {
            out.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static int readVarint(byte[] bytes, int[] at) {
        int value = 0;
        int shift = 0;
        while (true) {
            byte b = bytes[at[0]++];
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
