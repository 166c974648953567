package io.newsline.article.story;

import java.util.List;

/**
 * Where {@link StoryClusterer} keeps its state: the stories by id, and the matching index (blocking key -> the
 * stories indexed under it). In memory for the evaluation ({@link InMemoryStoryRepository}); state stores in the
 * streams app.
 */
public interface StoryRepository {
    /** The story, or {@code null}. */
    Story story(String storyId);

    void putStory(Story story);

    /** The stories indexed under {@code key}, most recently active first; empty when none. */
    List<Posting> postings(String key);

    /** Replaces the postings of {@code key}; an empty list removes the key. */
    void putPostings(String key, List<Posting> postings);

    /** One story in a key's postings, with the date of its last article (to rank and expire it). */
    record Posting(String storyId, long lastPublishedAt) {}
}
