package io.newsline.streams.timeline;

import java.time.Duration;

/**
 * The settings of the timeline stages.
 *
 * @param retention entries published longer ago than this (against stream time) expire; zero: never
 * @param snapshotEntries the newest entries per snapshot
 * @param snapshotInterval at most one snapshot per changed topic per interval
 * @param expiryInterval how often (stream time) expired entries are removed
 * @param partitions the partition count of the entries topic, which the "also reported by" patches are spread over
 *     the same way
 */
public record TimelineSettings(
        Duration retention, int snapshotEntries, Duration snapshotInterval, Duration expiryInterval, int partitions) {
    public TimelineSettings {
        if (retention.isNegative() || snapshotEntries < 1 || partitions < 1) {
            throw new IllegalArgumentException("retention must be 0 or more, snapshot entries and partitions at least"
                    + " 1: " + retention + ", " + snapshotEntries + ", " + partitions);
        }
    }

    /**
     * The app's own topic of "also reported by" lists sent on to the story a merged story went into ({@code
     * <application.id>-timeline-rerouted-also-reported-by}, with the story stage only): read and written by the
     * same processor, so not a Kafka Streams repartition topic; partitioned like the entries topic.
     */
    public static String reroutedListsTopic(String applicationId) {
        return applicationId + "-timeline-rerouted-also-reported-by";
    }
}
