package io.newsline.streams.dedup;

import io.newsline.article.io.Sha256;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.common.utils.Bytes;

/**
 * A fixed 16-byte key for an article id inside deduplication state and messages: article ids are 64-character
 * SHA-256 hex strings (the producer's), so a 16-byte key takes a quarter of the bytes in every index entry and
 * message. An id of that form keeps its first 16 bytes (already uniformly random); any other id is hashed with
 * SHA-256 first. 128 bits make a collision within a retention window negligible (about 10^-24 for 10^7 ids).
 */
public final class ArticleKey {
    public static final int SIZE = 16;
    private static final HexFormat HEX = HexFormat.of();

    private ArticleKey() {}

    public static byte[] of(String articleId) {
        if (articleId.length() == 64 && isLowerHex(articleId)) {
            return HEX.parseHex(articleId, 0, 2 * SIZE);
        }
        return Arrays.copyOf(Sha256.digest(articleId), SIZE);
    }

    public static Bytes bytes(String articleId) {
        return Bytes.wrap(of(articleId));
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
