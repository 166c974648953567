package io.newsline.streams.dedup;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact serde for article ids in the band store, which holds one id per article and band: an id that is 64
 * lowercase hex digits (a SHA-256, as the producer makes them) takes 33 bytes (a tag byte 1 and the 32 raw bytes)
 * instead of 64; any other id is a tag byte 0 and its UTF-8.
 */
public final class ArticleIdSerde implements Serde<String> {
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public Serializer<String> serializer() {
        return (topic, id) -> id == null ? null : encode(id);
    }

    @Override
    public Deserializer<String> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(String id) {
        if (isSha256Hex(id)) {
            byte[] raw = HEX.parseHex(id);
            byte[] out = new byte[raw.length + 1];
            out[0] = 1;
            System.arraycopy(raw, 0, out, 1, raw.length);
            return out;
        }
        byte[] text = id.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 1];
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    static String decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an encoded article id has at least a tag byte");
        }
        if (bytes[0] == 1) {
            return HEX.formatHex(bytes, 1, bytes.length);
        }
        return new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
    }

    private static boolean isSha256Hex(String id) {
        if (id.length() != 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
