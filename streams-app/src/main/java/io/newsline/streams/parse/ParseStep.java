package io.newsline.streams.parse;

import io.newsline.avro.ArticleSource;
import io.newsline.avro.DateSource;
import io.newsline.avro.RawArticle;
import io.newsline.streams.dedup.BodyFingerprint;
import java.time.Instant;

/**
 * The topology's parse step: a {@link RawArticle} becomes the internal {@link io.newsline.avro.ParsedArticle}.
 * HTML ({@code text/html}, an {@code .html}/{@code .htm} name, or content that looks like HTML) is read by
 * {@link HtmlArticleParser}, anything else by {@link ArticleParser} (see {@link ArticleFormats}).
 * The published-at comes from the text, else the file's modified time, else the ingest time, and
 * {@code dateSource} says which. Text that yields no body is rejected with {@link UnparseableArticleException},
 * which the topology's processing exception handler routes to the dead-letter topic with this message.
 */
public final class ParseStep {
    private static final ArticleFormats PARSER = new ArticleFormats();

    private ParseStep() {}

    public static io.newsline.avro.ParsedArticle parse(RawArticle raw) {
        if (raw == null) {
            throw new UnparseableArticleException("record has no value (null)");
        }
        ParsedArticle parsed;
        try {
            parsed = PARSER.parse(
                    raw.getRawText(), raw.getFileName(), raw.getMediaType(), raw.getSourceUri(), raw.getIngestedAt());
        } catch (IllegalArgumentException e) {
            throw new UnparseableArticleException(
                    "article " + raw.getArticleId() + " (" + raw.getSourceUri() + "): " + e.getMessage(), e);
        }
        if (parsed.bodyParagraphs().isEmpty()) {
            throw new UnparseableArticleException(
                    "article " + raw.getArticleId() + " (" + raw.getSourceUri() + ") has a headline but no body text");
        }
        Instant publishedAt;
        DateSource dateSource;
        if (parsed.publishedAt() != null) {
            publishedAt = parsed.publishedAt();
            dateSource = DateSource.TEXT;
        } else if (raw.getFileModifiedAt() != null && !raw.getFileModifiedAt().isAfter(raw.getIngestedAt())) {
            publishedAt = raw.getFileModifiedAt();
            dateSource = DateSource.FILE_MODIFIED;
        } else {
            publishedAt = raw.getIngestedAt();
            dateSource = DateSource.INGESTED;
        }
        return io.newsline.avro.ParsedArticle.newBuilder()
                .setArticleId(raw.getArticleId())
                .setFingerprint(BodyFingerprint.of(parsed.bodyParagraphs()))
                .setTitle(parsed.title())
                .setDek(parsed.dek())
                .setBylines(parsed.bylines())
                .setPublishedAt(publishedAt)
                .setDateSource(dateSource)
                .setBodyParagraphs(parsed.bodyParagraphs())
                .setSource(sourceOf(raw))
                .build();
    }

    static ArticleSource sourceOf(RawArticle raw) {
        return ArticleSource.newBuilder()
                .setSourceUri(raw.getSourceUri())
                .setFileName(raw.getFileName())
                .setMediaType(raw.getMediaType())
                .setCharset(raw.getCharset())
                .setSizeBytes(raw.getSizeBytes())
                .setFileModifiedAt(raw.getFileModifiedAt())
                .setIngestedAt(raw.getIngestedAt())
                .setProducerHost(raw.getProducerHost())
                .build();
    }
}
