package io.newsline.streams.story;

import io.newsline.article.story.DecidedStories;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.StoryMerge;
import io.newsline.streams.topics.TypedTopic;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The story stage, after enrichment. The article never moves: it is put on a story on its own partition, against a
 * matching index every instance holds, and only a small message goes to the story's keeper.
 *
 * <pre>
 * enriched originals (key article id, on the article's partition)
 *   -> assign-story                  StoryMatcher over the global store story-matching (never a scan: candidates
 *                                    through the article's blocking keys), with this instance's decisions the store
 *                                    does not show yet (DecidedStories, in memory)
 *        -> the article with storyId and its STORY topic: on to news.articles.enriched and the timeline stage,
 *           in order with dedup's retractions (same task, no hop)
 *        -> story-join (key story id) -> [&lt;app&gt;-story-updates]   the one extra hop per article
 * [&lt;app&gt;-story-updates] (Join, Absorb, MergeInto messages; key story id)
 *   -> keep-story                    StoryKeeper: store story-stories (the stories, with when their looks for a twin
 *                                    started, or where a merged one went); punctuations: merge rechecks (wall clock,
 *                                    scheduled in memory), closing (stream time)
 *        -> [&lt;app&gt;-story-matching] (compacted: summaries and postings)
 *             -> global store story-matching on every instance (read by assign-story and keep-story)
 *        -> [&lt;app&gt;-story-updates] (merges: the merged story's state to the survivor)
 *        -> news.story-merges        (StoryMerge, key the merged story's id)
 * </pre>
 *
 * <p>Both own topics are the app's (created by {@code TopicProvisioner}, named after application.id): the updates
 * topic is read and written by the same sub-topology (merges message other keepers), which an internal repartition
 * topic cannot be; the matching topic feeds a global store.
 */
public final class StoryTopology {
    public static final String MATCHING_STORE = "story-matching";
    public static final String STORIES_STORE = "story-stories";

    /**
     * How many decoded summaries of the matching index the instance keeps (one cache for all its tasks; about 10 KB
     * each), and as many blocking keys' lists of stories (up to 32 ids each): the open stories that are candidates most
     * often, and the keys articles share most often.
     */
    private static final int MATCHING_CACHE = 4_096;

    /**
     * How many of this instance's decisions the deciding tasks read before the index shows them ({@link
     * DecidedStories}), and for how long at most: the index catches up within seconds even under a flood of articles;
     * a summary is some 10 KB.
     */
    private static final int DECIDED_STORIES = 2_048;

    private static final long DECIDED_STORIES_TTL_MS = 30_000;

    /**
     * How many stories' first appearance in the index the instance remembers, and for how long: each story's looks for
     * a twin read it (the twin window), and they end within about 10 minutes of its founding even when late.
     */
    private static final int SHOWN_STORIES = 65_536;

    private static final long SHOWN_STORIES_TTL_MS = 15 * 60_000;

    private StoryTopology() {}

    /**
     * Puts each enriched original on a story; returns the originals with their story id and STORY topic. Builds the
     * keepers and the matching index beside them; merges go to {@code merges}. The story is set on each article in
     * place: {@code originals} must have no other reader (use the stream returned).
     */
    public static KStream<String, EnrichedArticle> create(
            StreamsBuilder builder,
            KStream<String, EnrichedArticle> originals,
            StorySettings settings,
            TypedTopic<String, StoryMerge> merges) {
        Serde<String> keys = Serdes.String();
        Serde<byte[]> bytes = Serdes.ByteArray();
        MatchingCache cache = new MatchingCache(MATCHING_CACHE);
        DecidedStories decided =
                new DecidedStories(DECIDED_STORIES, DECIDED_STORIES_TTL_MS, SHOWN_STORIES, SHOWN_STORIES_TTL_MS);
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MATCHING_STORE), keys, bytes)
                        .withLoggingDisabled(), // the matching topic is its changelog
                settings.matchingTopic(),
                Consumed.with(keys, bytes).withName("read-story-matching"),
                () -> new MatchingLoader(decided, cache));

        KStream<String, StoryAssigner.Assigned> assigned =
                originals.process(() -> new StoryAssigner(settings, cache, decided), Named.as("assign-story"));
        assigned.map((articleId, a) -> KeyValue.pair(a.storyId(), a.join()), Named.as("story-join"))
                .to(settings.updatesTopic(), Produced.with(keys, bytes).withName("write-story-joins"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_STORE), keys, bytes)
                .withCachingEnabled());
        Map<String, KStream<String, StoryKeeperProcessor.Output>> outputs = builder.stream(
                        settings.updatesTopic(), Consumed.with(keys, bytes).withName("read-story-updates"))
                .process(
                        () -> new StoryKeeperProcessor(settings, cache, decided), Named.as("keep-story"), STORIES_STORE)
                .split(Named.as("story-output-"))
                .branch((k, o) -> o.destination() == StoryKeeperProcessor.Destination.MATCHING, Branched.as("matching"))
                .branch((k, o) -> o.destination() == StoryKeeperProcessor.Destination.KEEPER, Branched.as("keeper"))
                .defaultBranch(Branched.as("merges"));
        outputs.get("story-output-matching")
                .mapValues(StoryKeeperProcessor.Output::bytes, Named.as("story-matching-record"))
                .to(settings.matchingTopic(), Produced.with(keys, bytes).withName("write-story-matching"));
        outputs.get("story-output-keeper")
                .mapValues(StoryKeeperProcessor.Output::bytes, Named.as("story-keeper-message"))
                .to(settings.updatesTopic(), Produced.with(keys, bytes).withName("write-story-messages"));
        outputs.get("story-output-merges")
                .mapValues(StoryKeeperProcessor.Output::merge, Named.as("story-merge-record"))
                .to(merges.name(), merges.produced("write-story-merges"));

        return assigned.mapValues(StoryAssigner.Assigned::article, Named.as("article-with-story"));
    }
}
