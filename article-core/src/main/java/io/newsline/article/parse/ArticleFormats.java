package io.newsline.article.parse;

import java.time.Instant;
import java.util.Objects;

/**
 * Parses an article file of any supported format: HTML ({@code text/html}, {@code .html}/{@code .htm}, or
 * content that starts like an HTML document) with {@link HtmlArticleParser}, everything else as plain text
 * with {@link ArticleParser}. Stateless and thread-safe.
 */
public final class ArticleFormats {
    private final ArticleParser text;
    private final HtmlArticleParser html;

    /** Both parsers with the default {@link ParseLimits}. */
    public ArticleFormats() {
        this(ParseLimits.DEFAULTS);
    }

    /** Both parsers with {@code limits}. */
    public ArticleFormats(ParseLimits limits) {
        this.text = new ArticleParser(limits);
        this.html = new HtmlArticleParser(limits);
    }

    /**
     * Parses one file. {@code fileName}, {@code mediaType} and {@code sourceUri} may be {@code null}; the
     * source URI is the base for relative links in HTML.
     */
    public ArticleParts parse(String raw, String fileName, String mediaType, String sourceUri, Instant now) {
        Objects.requireNonNull(raw, "raw");
        if (HtmlArticleParser.isHtml(mediaType, fileName, raw)) {
            return html.parse(raw, sourceUri, now);
        }
        return text.parse(raw, now);
    }
}
