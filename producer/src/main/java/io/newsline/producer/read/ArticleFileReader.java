package io.newsline.producer.read;

import io.newsline.article.io.ArticleIds;
import io.newsline.article.io.DecodeResult;
import io.newsline.article.io.DecodedText;
import io.newsline.article.io.NotText;
import io.newsline.article.io.TextDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;

/** Reads one file into an {@link ArticleFile}, or says why it cannot: never throws for bad input. */
public final class ArticleFileReader {
    /** The largest --max-file-size accepted: the record (up to 3 bytes per input byte) must fit in an int. */
    public static final long MAX_SUPPORTED_FILE_SIZE = 256L * 1024 * 1024;

    private final long maxFileSize;
    private final TextDecoder decoder;

    public ArticleFileReader(long maxFileSize) {
        this(maxFileSize, new TextDecoder());
    }

    public ArticleFileReader(long maxFileSize, TextDecoder decoder) {
        if (maxFileSize < 1 || maxFileSize > MAX_SUPPORTED_FILE_SIZE) {
            throw new IllegalArgumentException(
                    "The maximum file size must be between 1 byte and " + MAX_SUPPORTED_FILE_SIZE + " bytes");
        }
        this.maxFileSize = maxFileSize;
        this.decoder = decoder;
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    public ReadResult read(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return rejected(path, FailureReason.UNREADABLE, missingDetail(path), 0);
        } catch (IOException | SecurityException e) {
            return rejected(path, FailureReason.UNREADABLE, "cannot read its attributes: " + describe(e), 0);
        }
        if (attributes.isDirectory()) {
            return rejected(path, FailureReason.UNREADABLE, "is a directory, not a file", 0);
        }
        if (!attributes.isRegularFile()) {
            // Opening a FIFO would block, and devices and sockets are not articles.
            return rejected(path, FailureReason.UNREADABLE, "is not a regular file (device, pipe or socket)", 0);
        }
        long size = attributes.size();
        if (size > maxFileSize) {
            return rejected(path, FailureReason.TOO_LARGE, tooLargeDetail(size + " bytes"), size);
        }

        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = readAll(in, size);
        } catch (AccessDeniedException e) {
            return rejected(path, FailureReason.UNREADABLE, "permission denied", size);
        } catch (IOException | SecurityException e) {
            return rejected(path, FailureReason.UNREADABLE, describe(e), size);
        }
        if (bytes.length > maxFileSize) {
            return rejected(path, FailureReason.TOO_LARGE, tooLargeDetail("more than " + maxFileSize + " bytes"), size);
        }

        DecodeResult decoded = decoder.decode(bytes, String.valueOf(path.getFileName()));
        if (decoded instanceof NotText notText) {
            return new ReadResult.Rejected(path, Rejection.of(notText), bytes.length);
        }
        Instant modifiedAt = attributes.lastModifiedTime() == null
                ? null
                : attributes.lastModifiedTime().toInstant();
        return new ArticleFile(path, ArticleIds.of(bytes), bytes.length, modifiedAt, (DecodedText) decoded);
    }

    /**
     * The stream's bytes, at most one more than the maximum: that byte tells a file that grew past the maximum
     * while we read it from one that fits. The listed size is only a hint (the file may change meanwhile), but it
     * usually is exact, so the bytes are read into an array of that size with no further copy.
     */
    private byte[] readAll(InputStream in, long listedSize) throws IOException {
        int limit = (int) maxFileSize + 1;
        int expected = (int) Math.min(listedSize, maxFileSize);
        byte[] bytes = new byte[expected];
        int read = in.readNBytes(bytes, 0, expected);
        if (read < expected) {
            return Arrays.copyOf(bytes, read); // shrank while we read it
        }
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        // Grew while we read it: take the rest too, up to the limit.
        byte[] rest = in.readNBytes(limit - expected - 1);
        byte[] all = Arrays.copyOf(bytes, expected + 1 + rest.length);
        all[expected] = (byte) next;
        System.arraycopy(rest, 0, all, expected + 1, rest.length);
        return all;
    }

    private String tooLargeDetail(String size) {
        return "is " + size + ", more than the maximum of " + maxFileSize + " bytes (--max-file-size)";
    }

    private static String missingDetail(Path path) {
        if (Files.isSymbolicLink(path)) {
            try {
                return "is a dangling symbolic link (its target " + Files.readSymbolicLink(path) + " does not exist)";
            } catch (IOException e) {
                return "is a dangling symbolic link";
            }
        }
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? "disappeared while being read" : "does not exist";
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static ReadResult rejected(Path path, FailureReason reason, String detail, long size) {
        return new ReadResult.Rejected(path, new Rejection(reason, detail), size);
    }
}
