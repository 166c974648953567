package io.newsline.producer.read;

import io.newsline.article.io.DecodedText;
import io.newsline.avro.RawArticle;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A file that was read and decoded and can be published.
 *
 * @param path the file as found (absolute or relative to the working directory)
 * @param articleId lowercase hex SHA-256 of the bytes
 * @param sizeBytes number of bytes read
 * @param modifiedAt last-modified time, or null if the file system has none
 * @param content the decoded text with its charset and media type
 */
public record ArticleFile(Path path, String articleId, long sizeBytes, Instant modifiedAt, DecodedText content)
        implements ReadResult {
    public ArticleFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(content, "content");
    }

    /** The record to publish. Times are cut to milliseconds, the precision the schema stores. */
    public RawArticle toRawArticle(Instant ingestedAt, String producerHost) {
        return RawArticle.newBuilder()
                .setArticleId(articleId)
                .setSourceUri(path.toAbsolutePath().normalize().toUri().toString())
                .setFileName(String.valueOf(path.getFileName()))
                .setMediaType(content.mediaType())
                .setCharset(content.charset().name())
                .setRawText(content.text())
                .setSizeBytes(sizeBytes)
                .setFileModifiedAt(modifiedAt == null ? null : modifiedAt.truncatedTo(ChronoUnit.MILLIS))
                .setIngestedAt(ingestedAt.truncatedTo(ChronoUnit.MILLIS))
                .setProducerHost(producerHost)
                .build();
    }
}
