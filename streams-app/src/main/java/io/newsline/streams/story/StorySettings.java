package io.newsline.streams.story;

import io.newsline.article.story.StoryParams;
import java.time.Duration;
import java.util.Map;

/**
 * The story stage's settings, read from the app's settings map (every {@code newsline.*} setting passes through it).
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

    public static StorySettings from(Map<String, ?> settings) {
        StoryParams d = StoryParams.defaults();
        StoryParams params = new StoryParams(
                number(settings, THRESHOLD, d.threshold()),
                number(settings, LATE_THRESHOLD, d.lateThreshold()),
                Duration.ofMillis((long) number(settings, OPEN_MS, d.openFor().toMillis())),
                Duration.ofMillis(
                        (long) number(settings, RETENTION_MS, d.retention().toMillis())),
                d.blockingKeys(),
                d.storyKeys(),
                d.maxTerms(),
                d.maxStoriesPerKey());
        Object enabled = settings.get(ENABLED);
        long expiry =
                (long) number(settings, EXPIRY_INTERVAL_MS, Duration.ofHours(1).toMillis());
        if (expiry <= 0) {
            throw new IllegalArgumentException(EXPIRY_INTERVAL_MS + " must be positive: " + expiry);
        }
        return new StorySettings(
                enabled != null && Boolean.parseBoolean(enabled.toString().trim()), params, Duration.ofMillis(expiry));
    }

    private static double number(Map<String, ?> settings, String key, double fallback) {
        Object raw = settings.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + raw + "'");
        }
    }
}
