package io.newsline.streams.dedup;

import io.newsline.article.similarity.NearDuplicateParams;
import java.time.Duration;

/**
 * The settings of deduplication.
 *
 * @param near near-duplicate detection (when disabled, only identical bodies are duplicates)
 * @param exactRetention how long a body fingerprint stays findable for exact deduplication
 * @param buckets how many buckets the band keys are spread over: the partition count of the exchange topic (a
 *     different value still gives correct results, as a bucket always maps to one partition, only less evenly)
 * @param exchangeTopic the topic the deduplication tasks send each other messages through
 */
public record DedupSettings(NearDuplicateParams near, Duration exactRetention, int buckets, String exchangeTopic) {
    public DedupSettings {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1: " + buckets);
        }
    }

    long exactRetentionMs() {
        return exactRetention.toMillis();
    }

    /** The exchange topic of an application id. */
    public static String exchangeTopic(String applicationId) {
        return applicationId + "-dedup-exchange";
    }
}
