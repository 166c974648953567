package io.newsline.producer.read;

import java.nio.file.Path;

/** The outcome of reading one file: an {@link ArticleFile}, or a {@link Rejected} file with the reason. */
public sealed interface ReadResult permits ArticleFile, ReadResult.Rejected {
    Path path();

    /**
     * A file that will not be published.
     *
     * @param sizeBytes the file's size if it is known, else 0 (used only for progress figures)
     */
    record Rejected(Path path, Rejection rejection, long sizeBytes) implements ReadResult {}
}
