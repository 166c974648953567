package io.newsline.streams.story;

import io.newsline.article.story.StoryParams;
import java.time.Duration;

/**
 * The story stage's settings, parsed: defined, defaulted and validated as {@code StreamsAppConfig} entries ({@code
 * StreamsAppConfig.storySettings()}).
 *
 * @param enabled {@code newsline.story.enabled} (default false, opt-in): the stage runs and every enriched article carries
 *     its story id
 * @param params the clustering settings
 * @param expiryInterval {@code newsline.story.expiry.interval.ms} (stream time, default 1 hour): how often stories
 *     quiet for longer than the retention are removed from the matching state
 */
public record StorySettings(boolean enabled, StoryParams params, Duration expiryInterval) {
    public static final String ENABLED = "newsline.story.enabled";
    public static final String THRESHOLD = "newsline.story.threshold";
    public static final String LATE_THRESHOLD = "newsline.story.late.threshold";
    public static final String OPEN_MS = "newsline.story.open.ms";
    public static final String RETENTION_MS = "newsline.story.retention.ms";
    public static final String EXPIRY_INTERVAL_MS = "newsline.story.expiry.interval.ms";
}
