package io.newsline.streams.story;

import io.newsline.article.story.StoryParams;
import java.time.Duration;

/**
 * The story stage's settings, parsed: defined, defaulted and validated as {@code StreamsAppConfig} entries ({@code
 * StreamsAppConfig.storySettings()}).
 *
 * @param enabled {@code newsline.story.enabled} (default true): the stage runs and every enriched article carries its
 *     story id
 * @param params the clustering settings
 * @param expiryInterval {@code newsline.story.expiry.interval.ms} (stream time, default 1 hour): how often stories
 *     quiet for longer than the retention are removed from the matching state
 * @param recheckDelay {@code newsline.story.merge.recheck.delay.ms} (wall-clock, default 3 s): how long after a change
 *     a story looks for a twin to merge with
 * @param updatesTopic the app's own topic of messages to story keepers ({@code <application.id>-story-updates})
 * @param matchingTopic the app's own compacted topic behind the matching index every instance reads ({@code
 *     <application.id>-story-matching})
 */
public record StorySettings(
        boolean enabled,
        StoryParams params,
        Duration expiryInterval,
        Duration recheckDelay,
        String updatesTopic,
        String matchingTopic) {
    public static final String ENABLED = "newsline.story.enabled";
    public static final String THRESHOLD = "newsline.story.threshold";
    public static final String LATE_THRESHOLD = "newsline.story.late.threshold";
    public static final String OPEN_MS = "newsline.story.open.ms";
    public static final String RETENTION_MS = "newsline.story.retention.ms";
    public static final String EXPIRY_INTERVAL_MS = "newsline.story.expiry.interval.ms";
    public static final String MERGE_THRESHOLD = "newsline.story.merge.threshold";
    public static final String RECHECK_DELAY_MS = "newsline.story.merge.recheck.delay.ms";
    public static final Duration DEFAULT_RECHECK_DELAY = Duration.ofSeconds(3);

    public static String updatesTopic(String applicationId) {
        return applicationId + "-story-updates";
    }

    public static String matchingTopic(String applicationId) {
        return applicationId + "-story-matching";
    }
}
