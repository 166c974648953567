package io.newsline.article.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The structure {@link ArticleParser} reads out of one raw article file.
 *
 * @param title the headline: the first non-empty line, whitespace collapsed; never blank
 * @param dek the standfirst that paraphrases the headline, or {@code null} when there is none
 * @param bylines author names in the order they appear (may be empty); news agencies are kept only
 *     when no person is named
 * @param publishedAt when the text says the article was published, or {@code null} when the text
 *     has no usable date (none, unparsable, or later than the ingest time). The caller decides the
 *     date source: for example {@code TEXT} when this is set, otherwise the file time or ingest time
 * @param bodyParagraphs the body, one entry per paragraph, sub-heads kept as their own entries (see
 *     {@link Subheads#isSubhead(String)}); headline, dek, date and byline lines and trailing site
 *     boilerplate are not part of it. May be empty
 * @param removedBoilerplate how many lines of site boilerplate were dropped from the body
 * @param publishedLocalDate the calendar date of {@code publishedAt} in the publisher's local time, as the
 *     source prints it ({@code 9:24 pm ET, Nov 18} is Nov 18 though the instant is Nov 19 in UTC); {@code null}
 *     exactly when {@code publishedAt} is. Defaults to the UTC date of {@code publishedAt}
 */
public record ArticleParts(
        String title,
        String dek,
        List<String> bylines,
        Instant publishedAt,
        List<String> bodyParagraphs,
        int removedBoilerplate,
        LocalDate publishedLocalDate) {

    public ArticleParts {
        if (publishedAt == null) {
            publishedLocalDate = null;
        } else if (publishedLocalDate == null) {
            publishedLocalDate = publishedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        Objects.requireNonNull(title, "title");
        bylines = List.copyOf(bylines);
        bodyParagraphs = List.copyOf(bodyParagraphs);
        if (removedBoilerplate < 0) {
            throw new IllegalArgumentException("removedBoilerplate must not be negative");
        }
    }

    /** Parts whose local publication date is the UTC date of {@code publishedAt}. */
    public ArticleParts(
            String title,
            String dek,
            List<String> bylines,
            Instant publishedAt,
            List<String> bodyParagraphs,
            int removedBoilerplate) {
        this(title, dek, bylines, publishedAt, bodyParagraphs, removedBoilerplate, null);
    }

    /** Whether the text carried a usable publication date. */
    public boolean hasPublishedAt() {
        return publishedAt != null;
    }

    /** The body paragraphs joined by blank lines. */
    public String bodyText() {
        return String.join("\n\n", bodyParagraphs);
    }
}
