package io.newsline.streams.story;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryRepository;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@link StoryRepository} over the task's two stores: {@code story-stories} (story id -> story, with the stream time
 * it was last written) and {@code story-index} (blocking key -> postings).
 */
final class StoreStoryRepository implements StoryRepository {
    private final KeyValueStore<String, byte[]> stories;
    private final KeyValueStore<String, byte[]> index;
    private long now;

    StoreStoryRepository(KeyValueStore<String, byte[]> stories, KeyValueStore<String, byte[]> index) {
        this.stories = stories;
        this.index = index;
    }

    /** The stream time written with the stories stored from now on. */
    void at(long streamTime) {
        this.now = streamTime;
    }

    @Override
    public Story story(String storyId) {
        byte[] value = stories.get(storyId);
        return value == null ? null : StoryCodec.decodeStory(value);
    }

    @Override
    public void putStory(Story story) {
        stories.put(story.id(), StoryCodec.encode(story, now));
    }

    @Override
    public List<Posting> postings(String key) {
        return StoryCodec.decodePostings(index.get(key));
    }

    @Override
    public void putPostings(String key, List<Posting> postings) {
        if (postings.isEmpty()) {
            index.delete(key);
        } else {
            index.put(key, StoryCodec.encode(postings));
        }
    }
}
