package io.newsline.article.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link StoryRepository} in two hash maps: for the offline evaluation and tests. */
public final class InMemoryStoryRepository implements StoryRepository {
    private final Map<String, Story> stories = new HashMap<>();
    private final Map<String, List<Posting>> index = new HashMap<>();

    @Override
    public Story story(String storyId) {
        return stories.get(storyId);
    }

    @Override
    public void putStory(Story story) {
        stories.put(story.id(), story);
    }

    @Override
    public List<Posting> postings(String key) {
        return index.getOrDefault(key, List.of());
    }

    @Override
    public void putPostings(String key, List<Posting> postings) {
        if (postings.isEmpty()) {
            index.remove(key);
        } else {
            index.put(key, List.copyOf(postings));
        }
    }

    public int stories() {
        return stories.size();
    }

    public int indexKeys() {
        return index.size();
    }
}
