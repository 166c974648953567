package io.newsline.streams.parse;

import java.time.Instant;
import java.util.Objects;

/**
 * Parses an article file of any supported format: HTML ({@code text/html}, {@code .html}/{@code .htm}, or
 * content that starts like an HTML document) with {@link HtmlArticleParser}, everything else as plain text
 * with {@link ArticleParser}. Stateless and thread-safe.
 */
public final class ArticleFormats {
    private final ArticleParser text = new ArticleParser();
    private final HtmlArticleParser html = new HtmlArticleParser();

    /**
     * Parses one file. {@code fileName}, {@code mediaType} and {@code sourceUri} may be {@code null}; the
     * source URI is the base for relative links in HTML.
     */
    public ParsedArticle parse(String raw, String fileName, String mediaType, String sourceUri, Instant now) {
        Objects.requireNonNull(raw, "raw");
        if (HtmlArticleParser.isHtml(mediaType, fileName, raw)) {
            return html.parse(raw, sourceUri, now);
        }
        return text.parse(raw, now);
    }
}
