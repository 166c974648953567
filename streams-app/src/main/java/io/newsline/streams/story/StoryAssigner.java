package io.newsline.streams.story;

import io.newsline.article.story.StoryAssignment;
import io.newsline.article.story.StoryClusterer;
import io.newsline.article.story.StoryParams;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts each original article (keyed by its anchor, on the anchor's partition) on a story with {@link StoryClusterer},
 * and forwards, keyed by article id, the article with its story id and its entry on the story's timeline (a topic of
 * kind {@code STORY}, labelled with the story's current label). Every stream-time {@code expiryInterval}, stories
 * not written for longer than the retention leave the matching state (their timelines stay).
 */
final class StoryAssigner implements Processor<String, EnrichedArticle, String, StoryResult> {
    private final StorySettings settings;
    private ProcessorContext<String, StoryResult> context;
    private KeyValueStore<String, byte[]> stories;
    private KeyValueStore<String, byte[]> index;
    private StoreStoryRepository repository;
    private StoryClusterer clusterer;

    StoryAssigner(StorySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, StoryResult> context) {
        this.context = context;
        this.stories = context.getStateStore(StoryTopology.STORIES_STORE);
        this.index = context.getStateStore(StoryTopology.INDEX_STORE);
        this.repository = new StoreStoryRepository(stories, index);
        StoryParams params = settings.params();
        this.clusterer = new StoryClusterer(params, repository);
        Duration interval = settings.expiryInterval();
        context.schedule(interval, PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article == null) {
            return;
        }
        repository.at(context.currentStreamTimeMs());
        StoryAssignment assignment = clusterer.assign(StoryInputs.of(article));
        EnrichedArticle withStory = EnrichedArticle.newBuilder(article)
                .setStoryId(assignment.storyId())
                .build();
        TimelineEntry entry = TimelineEntry.newBuilder()
                .setTopicId(assignment.storyId())
                .setTopicLabel(assignment.story().label())
                .setTopicKind(TopicKind.STORY)
                .setArticleId(article.getArticleId())
                .setTitle(article.getTitle())
                .setPublishedAt(article.getPublishedAt())
                .setDateSource(article.getDateSource())
                .setByline(article.getBylines().isEmpty() ? null : String.join(" and ", article.getBylines()))
                .setSummary(article.getSummary())
                .setSalience(Math.min(1.0, Math.max(0.0, assignment.similarity())))
                .setSource(article.getSource().getSourceUri())
                .setAlsoReportedBy(List.of())
                .build();
        context.forward(record.withKey(article.getArticleId()).withValue(new StoryResult(withStory, entry)));
    }

    /** Drops stories quiet for longer than the retention (by the stream time they were last written at). */
    private void expire(long streamTime) {
        long before = streamTime - settings.params().retention().toMillis();
        Set<String> expired = new HashSet<>();
        List<String> deletions = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = stories.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (StoryCodec.touchedAt(kv.value) < before) {
                    deletions.add(kv.key);
                }
            }
        }
        for (String id : deletions) {
            stories.delete(id);
            expired.add(id);
        }
        if (expired.isEmpty()) {
            return;
        }
        List<KeyValue<String, byte[]>> updates = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = index.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                var postings = new ArrayList<>(StoryCodec.decodePostings(kv.value));
                if (postings.removeIf(p -> expired.contains(p.storyId()))) {
                    updates.add(KeyValue.pair(kv.key, postings.isEmpty() ? null : StoryCodec.encode(postings)));
                }
            }
        }
        updates.forEach(kv -> {
            if (kv.value == null) {
                index.delete(kv.key);
            } else {
                index.put(kv.key, kv.value);
            }
        });
    }
}
