package io.newsline.article.io;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Article ids: the lowercase hex SHA-256 of the file's bytes, so the same bytes always give the same id. */
public final class ArticleIds {
    private ArticleIds() {}

    /** One digest per thread: looking the algorithm up among the providers for every file costs more than hashing it. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    });

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(SHA_256.get().digest(bytes)); // digest() also resets it for the next use
    }
}
