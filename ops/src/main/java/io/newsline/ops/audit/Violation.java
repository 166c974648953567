package io.newsline.ops.audit;

/**
 * One thing the audit found wrong.
 *
 * @param kind what is wrong
 * @param subject what it is about: an article id, or a timeline's topic id
 * @param detail the figures, for people
 */
public record Violation(Kind kind, String subject, String detail) {
    /** The kinds of violation, in report order. */
    public enum Kind {
        /** An article id on news.articles.raw with no outcome at all. */
        NO_OUTCOME("article ids on news.articles.raw with no outcome (enriched, duplicate notice or dead letter)"),
        /** An article id with outcomes, but fewer than its raw records. */
        MISSING_OUTCOMES("article ids with fewer outcomes than raw records"),
        /** An article id with more outcomes than raw records (also: outcomes for an id that is not on raw). */
        EXTRA_OUTCOMES("article ids with more outcomes than raw records"),
        /** An enriched article missing from the timeline of one of its topics (one violation per topic). */
        MISSING_TIMELINE_ENTRY("entries missing from news.timeline-entries (an enriched article, one of its topics)"),
        /** A live entry on a story merged into another: it belongs on the story the merges ended in. */
        ENTRY_ON_MERGED_STORY("entries left on a story merged into another (news.story-merges)"),
        /** A snapshot that lists one article more than once. */
        DUPLICATE_IN_SNAPSHOT("snapshots on news.timelines that list an article twice"),
        /** A snapshot whose total is not the number of live entries of its topic (or no snapshot for live entries). */
        SNAPSHOT_TOTAL_MISMATCH("snapshots whose total differs from the live entries of their topic"),
        /** A record on an outcome or timeline topic that is not what the topic holds. */
        UNREADABLE_RECORD("records that could not be read as the topic's Avro type");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
