package io.newsline.streams.story;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryIndex;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summaries each pending recheck already compared its story with, so that its next look skips them while
 * neither side changed. A look that finds no twin found every candidate below the merge threshold; the same story
 * against the same summary gives the same similarity and threshold, so skipping them changes no outcome. A summary
 * is "the same" when {@link DecodedSummaries} returns the same object (same bytes; one decoded again after eviction
 * is compared again). The story's own change (any message to it) forgets what it was compared with.
 *
 * <p>Why: a story just founded looks three times (after 1, 3 and 9 recheck delays), each time against up to
 * {@code blockingKeys * maxStoriesPerKey} candidates, which made the rechecks as costly as deciding the articles
 * (JFR, bench). Most candidates have not changed between two looks. In memory only: after a restart every candidate
 * is compared again. Bounded by the pending rechecks (the caller forgets a story whose recheck ends).
 */
final class ComparedCandidates {
    private final Map<String, Set<Story>> byStory = new HashMap<>();

    /** The index as the next look of {@code storyId} should see it: summaries compared before are not there. */
    StoryIndex forLook(String storyId, StoryIndex index) {
        Set<Story> compared =
                byStory.computeIfAbsent(storyId, id -> Collections.newSetFromMap(new IdentityHashMap<>()));
        return new StoryIndex() {
            @Override
            public List<String> stories(String key, int max) {
                return index.stories(key, max);
            }

            @Override
            public Story summary(String id) {
                Story summary = index.summary(id);
                return summary != null && compared.add(summary) ? summary : null;
            }
        };
    }

    /** The story changed, or its recheck ended: its next look (if any) compares every candidate. */
    void forget(String storyId) {
        byStory.remove(storyId);
    }
}
