package io.newsline.article.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/** The matching index in maps, for the evaluation and tests; it takes the keepers' index effects as the app does. */
public final class InMemoryStoryIndex implements StoryIndex {
    private final Map<String, Story> summaries = new HashMap<>();
    private final Map<String, NavigableSet<String>> postings = new HashMap<>();

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
            summaries.put(p.summary().id(), p.summary());
        } else if (effect instanceof StoryKeeper.RemoveSummary r) {
            summaries.remove(r.storyId());
        } else if (effect instanceof StoryKeeper.PutPosting p) {
            postings.computeIfAbsent(p.key(), k -> new TreeSet<>()).add(p.postingOrder());
        } else if (effect instanceof StoryKeeper.RemovePosting r) {
            NavigableSet<String> under = postings.get(r.key());
            if (under != null && under.remove(r.postingOrder()) && under.isEmpty()) {
                postings.remove(r.key());
            }
        } else {
            return false;
        }
        return true;
    }
}
