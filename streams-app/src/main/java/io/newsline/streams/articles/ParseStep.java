package io.newsline.streams.articles;

import io.newsline.article.parse.ArticleFormats;
import io.newsline.article.parse.ArticleParts;
import io.newsline.article.parse.UnparseableArticleException;
import io.newsline.article.similarity.BodyFingerprint;
import io.newsline.avro.ArticleSource;
import io.newsline.avro.DateSource;
import io.newsline.avro.RawArticle;
import io.newsline.streams.errors.RecordFailures;
import java.time.Instant;
import java.util.Objects;

/**
 * The topology's parse step: a {@link RawArticle} becomes the internal {@link io.newsline.avro.ParsedArticle}.
 * HTML ({@code text/html}, an {@code .html}/{@code .htm} name, or content that looks like HTML) is read by
 * {@link HtmlArticleParser}, anything else by {@link ArticleParser} (see {@link ArticleFormats}).
 * The published-at comes from the text, else the file's modified time, else the ingest time, and
 * {@code dateSource} says which. Text that yields no body is rejected with {@link UnparseableArticleException},
 * which the topology's processing exception handler routes to the dead-letter topic with this message.
 *
 * <p>Any other failure of one record becomes an {@link UnparseableArticleException} too, naming the article,
 * its source and what failed: exceptions, and errors such as {@link StackOverflowError} that concern this
 * record only. Kafka Streams hands only exceptions to its processing exception handler; an error would kill
 * the stream thread, and the replacement thread would meet the same record again, so one hostile article
 * would stall its partition. Only the {@link VirtualMachineError}s that concern the whole JVM ({@link
 * OutOfMemoryError}, {@link InternalError}, ...) are rethrown as they are.
 */
public final class ParseStep {
    /** Parses the raw text of one file (the signature of {@link ArticleFormats#parse}). */
    @FunctionalInterface
    public interface Parser {
        ArticleParts parse(String raw, String fileName, String mediaType, String sourceUri, Instant now);
    }

    private final Parser parser;

    /** With the default parsers of both formats. */
    public ParseStep() {
        this(new ArticleFormats());
    }

    public ParseStep(ArticleFormats formats) {
        this(formats::parse);
    }

    /** With another parser (tests make it fail). */
    public ParseStep(Parser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    public io.newsline.avro.ParsedArticle parse(RawArticle raw) {
        if (raw == null) {
            throw new UnparseableArticleException("record has no value (null)");
        }
        try {
            return parseRecord(raw, parser);
        } catch (UnparseableArticleException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UnparseableArticleException(describe(raw) + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            if (RecordFailures.isFatal(e)) {
                throw e;
            }
            throw new UnparseableArticleException(describe(raw) + ": parsing failed: " + RecordFailures.describe(e), e);
        }
    }

    private static io.newsline.avro.ParsedArticle parseRecord(RawArticle raw, Parser parser) {
        ArticleParts parsed = parser.parse(
                raw.getRawText(), raw.getFileName(), raw.getMediaType(), raw.getSourceUri(), raw.getIngestedAt());
        if (parsed.bodyParagraphs().isEmpty()) {
            throw new UnparseableArticleException(describe(raw) + " has a headline but no body text");
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

    private static String describe(RawArticle raw) {
        return "article " + raw.getArticleId() + " (" + raw.getSourceUri() + ")";
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
