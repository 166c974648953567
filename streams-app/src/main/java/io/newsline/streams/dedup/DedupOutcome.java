package io.newsline.streams.dedup;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.ParsedArticle;
import java.util.Optional;

/**
 * What deduplication decided about one article: it goes on ({@link Original}), or it is a duplicate ({@link
 * Duplicate}), possibly of an earlier article that arrived after it was let through as an original ({@code
 * retracted}: whatever it produced downstream must be withdrawn). A closed union: the topology takes each kind
 * with {@link #original()} and {@link #duplicate()}, never by testing the type.
 */
public sealed interface DedupOutcome {
    /** The article, when it goes on. */
    Optional<ParsedArticle> original();

    /** The notice, when the article is a duplicate. */
    Optional<Duplicate> duplicate();

    /** The id of the article the outcome is about. */
    String articleId();

    /** The article goes on: no earlier article it repeats is known. */
    record Original(ParsedArticle article) implements DedupOutcome {
        @Override
        public Optional<ParsedArticle> original() {
            return Optional.of(article);
        }

        @Override
        public Optional<Duplicate> duplicate() {
            return Optional.empty();
        }

        @Override
        public String articleId() {
            return article.getArticleId();
        }
    }

    /** The article repeats an earlier one; {@code retracted} when it was let through as an original before. */
    record Duplicate(DuplicateNotice notice, boolean retracted) implements DedupOutcome {
        @Override
        public Optional<ParsedArticle> original() {
            return Optional.empty();
        }

        @Override
        public Optional<Duplicate> duplicate() {
            return Optional.of(this);
        }

        @Override
        public String articleId() {
            return notice.getDuplicateId();
        }
    }

    static DedupOutcome original(ParsedArticle article) {
        return new Original(article);
    }

    static DedupOutcome duplicate(DuplicateNotice notice) {
        return new Duplicate(notice, false);
    }

    /** An article already let through as an original turned out to repeat an earlier one. */
    static DedupOutcome revised(DuplicateNotice notice) {
        return new Duplicate(notice, true);
    }
}
