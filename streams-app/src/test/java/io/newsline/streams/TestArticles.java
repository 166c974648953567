package io.newsline.streams;

import io.newsline.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Raw articles as the producer would publish them, for the topology tests. */
final class TestArticles {
    private TestArticles() {}

    /** An article file named {@code name} (a path is allowed) with the given text, id = SHA-256 of its bytes. */
    static RawArticle raw(String name, String text, Instant modifiedAt, Instant ingestedAt) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return RawArticle.newBuilder()
                .setArticleId(sha256(bytes))
                .setSourceUri("file:///articles/" + name)
                .setFileName(name.substring(name.lastIndexOf('/') + 1))
                .setMediaType("text/plain")
                .setCharset("UTF-8")
                .setRawText(text)
                .setSizeBytes(bytes.length)
                .setFileModifiedAt(modifiedAt)
                .setIngestedAt(ingestedAt)
                .setProducerHost("test-host")
                .build();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
