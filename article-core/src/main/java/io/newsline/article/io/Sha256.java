package io.newsline.article.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The project's one SHA-256: article ids (of a file's bytes), body fingerprints, the short hash in the slug of a name
 * with no Latin letters, and the streams app's 16-byte article keys all use it, so none keeps a copy of its own.
 */
public final class Sha256 {
    private static final HexFormat HEX = HexFormat.of();

    /** One digest per thread: looking the algorithm up among the providers for every file costs more than hashing it. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    });

    private Sha256() {}

    /** The 32 bytes of the digest. */
    public static byte[] digest(byte[] bytes) {
        return DIGEST.get().digest(bytes); // digest() also resets it for the next use
    }

    /** The digest of {@code text}'s UTF-8 bytes. */
    public static byte[] digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest as 64 lowercase hex digits. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(digest(bytes));
    }

    /** The digest of {@code text}'s UTF-8 bytes as 64 lowercase hex digits. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
