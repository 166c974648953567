package io.newsline.streams.timeline;

/** Names of the state stores that hold the timelines; the changelog topics of the logged ones are named after them. */
public record TimelineStores(
        String filed, String entries, String index, String locator, String dirtyTopics, String mergedTopics) {

    public static TimelineStores standard() {
        return new TimelineStores(
                "timeline-filed",
                "timeline-entries",
                "timeline-index",
                "timeline-locator",
                "timeline-dirty-topics",
                "timeline-merged-topics");
    }
}
