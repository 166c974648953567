package io.newsline.streams.timeline;

/** Names of the state stores that hold the timelines; their changelog topics are named after them. */
public record TimelineStores(
        String articleTopics,
        String entries,
        String entryDates,
        String expiryIndex,
        String headers,
        String dirtyTopics,
        String alsoReported) {

    public static TimelineStores standard() {
        return new TimelineStores(
                "timeline-article-topics",
                "timeline-entries",
                "timeline-entry-dates",
                "timeline-expiry-index",
                "timeline-headers",
                "timeline-dirty-topics",
                "timeline-also-reported");
    }
}
