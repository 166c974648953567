package io.newsline.article.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a directory of article files the way the pipeline sees them, for the offline tools (evaluation,
 * benchmarks, corpus builders): the same decoding as the producer ({@link TextDecoder}), so that a figure measured
 * on a corpus is a figure about what the app receives. Gzip-compressed files ({@code page.html.gz}) are read
 * through; the producer itself publishes files as they are.
 */
public final class CorpusFiles {
    private static final TextDecoder DECODER = new TextDecoder();

    private CorpusFiles() {}

    /**
     * Whether a file name is an article file: {@code .txt}, {@code .html} or {@code .htm}, optionally gzipped; not
     * hidden and not a corpus's {@code README*}.
     */
    public static boolean isArticleFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith(".") || n.startsWith("readme")) {
            return false;
        }
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm");
    }

    /** The article files under {@code dir}, recursively, in path order (so every run sees the same order). */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> isArticleFile(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
    }

    /** The file's bytes, decompressed when its name ends in {@code .gz}. */
    public static byte[] bytes(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /**
     * The file as text, decoded as the producer decodes it.
     *
     * @throws IOException when the file cannot be read or is not text (the message says why)
     */
    public static DecodedText read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        DecodeResult result = DECODER.decode(bytes(file), name);
        if (result instanceof NotText notText) {
            throw new IOException(file + " is not text: " + notText.detail());
        }
        return (DecodedText) result;
    }

    /** {@link #read(Path)}'s text. */
    public static String text(Path file) throws IOException {
        return read(file).text();
    }
}
