package io.newsline.streams.story;

import io.newsline.article.story.DecidedStories;
import io.newsline.article.story.StoryFeatureExtractor;
import io.newsline.article.story.StoryFeatures;
import io.newsline.article.story.StoryIndex;
import io.newsline.article.story.StoryKeeper;
import io.newsline.article.story.StoryMatcher;
import io.newsline.article.story.StoryParams;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.Topic;
import io.newsline.avro.TopicKind;
import io.newsline.streams.metrics.PipelineMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts each original article on a story where it is, on its own partition: {@link StoryMatcher} over the matching
 * index (the global store every instance reads), and this instance's own decisions it does not show yet ({@link
 * DecidedStories}). Forwards the article with its story id and the story among its
 * topics (kind {@code STORY}, so the timeline stage files, patches and retracts its entry like any other), together
 * with the message that adds it to the story, for the story's keeper.
 */
final class StoryAssigner implements Processor<String, EnrichedArticle, String, StoryAssigner.Assigned> {
    /** The article with its story, and the message for the story's keeper. */
    record Assigned(EnrichedArticle article, String storyId, byte[] join) {}

    private final StoryFeatureExtractor extractor;
    private final StoryMatcher matcher;
    private final MatchingCache cache;
    private final DecidedStories decided;
    private final StoryParams params;
    private ProcessorContext<String, Assigned> context;
    private StoryIndex index;
    private PipelineMetrics metrics;

    StoryAssigner(StorySettings settings, MatchingCache cache, DecidedStories decided) {
        this.params = settings.params();
        this.extractor = new StoryFeatureExtractor(params);
        this.matcher = new StoryMatcher(params);
        this.cache = cache;
        this.decided = decided;
    }

    @Override
    public void init(ProcessorContext<String, Assigned> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(StoryTopology.MATCHING_STORE);
        this.index = decided.over(new MatchingIndex(store, cache));
        this.metrics = PipelineMetrics.of(context.appConfigs());
        metrics.watch(decided);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article == null) {
            return;
        }
        long cpuStart = PipelineMetrics.threadCpuNanos();
        StoryFeatures features = extractor.extract(StoryInputs.of(article));
        StoryMatcher.Match match = matcher.match(features, index);
        metrics.storyDecided(match.founded(), match.candidates());
        // What the story's keeper will publish, for this instance's next decisions until the index shows it.
        decided.put(StoryKeeper.publication(match.story(), params), context.currentSystemTimeMs());
        List<Topic> topics = new ArrayList<>(article.getTopics());
        topics.add(Topic.newBuilder()
                .setId(match.storyId())
                .setLabel(match.label())
                .setKind(TopicKind.STORY)
                .setSalience(Math.min(1.0, Math.max(0.0, match.similarity())))
                .build());
        // In place: this processor is the enriched original's only reader (StoryTopology.create), and a copy
        // (EnrichedArticle.newBuilder deep-copies every field) was about 1 % of the stream thread's samples.
        article.setStoryId(match.storyId());
        article.setTopics(topics);
        byte[] join = StoryCodec.encodeMessage(new StoryKeeper.Join(features));
        metrics.storyCpu(PipelineMetrics.StoryPart.ASSIGN, cpuStart); // not what the timelines do with the article
        context.forward(record.withValue(new Assigned(article, match.storyId(), join)));
    }
}
