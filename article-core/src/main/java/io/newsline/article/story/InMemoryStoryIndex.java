package io.newsline.article.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The matching index in maps, for the evaluation and tests; it takes the keepers' index effects as the app's global
 * store does, deriving the postings from the summaries ({@link StoryPostings#move}).
 */
public final class InMemoryStoryIndex implements StoryIndex {
    private final Map<String, Story> summaries = new HashMap<>();
    private final Map<String, StoryPostings> indexedAs = new HashMap<>();
    private final Map<String, NavigableSet<String>> postings = new HashMap<>();
    private final StoryPostings.Postings postingMaps = new StoryPostings.Postings() {
        @Override
        public void put(String key, String postingOrder) {
            postings.computeIfAbsent(key, k -> new TreeSet<>()).add(postingOrder);
        }

        @Override
        public void remove(String key, String postingOrder) {
            NavigableSet<String> under = postings.get(key);
            if (under != null && under.remove(postingOrder) && under.isEmpty()) {
                postings.remove(key);
            }
        }
    };

    @Override
    public List<String> stories(String key, int max) {
        NavigableSet<String> under = postings.get(key);
        if (under == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(Math.min(max, under.size()));
        for (String order : under) {
            if (ids.size() == max) {
                break;
            }
            ids.add(StoryIndex.storyOfPosting(order));
        }
        return ids;
    }

    @Override
    public Story summary(String storyId) {
        return summaries.get(storyId);
    }

    /** Applies an effect on the index; returns false for effects that are not about the index. */
    public boolean apply(StoryKeeper.Effect effect) {
        if (effect instanceof StoryKeeper.PublishSummary p) {
            String id = p.summary().id();
            summaries.put(id, p.summary());
            StoryPostings after = p.postings();
            StoryPostings.move(indexedAs.put(id, after), after, postingMaps);
        } else if (effect instanceof StoryKeeper.RemoveSummary r) {
            summaries.remove(r.storyId());
            StoryPostings.move(indexedAs.remove(r.storyId()), null, postingMaps);
        } else {
            return false;
        }
        return true;
    }
}
