package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsline.article.story.DecidedStories;
import io.newsline.article.story.InMemoryStoryIndex;
import io.newsline.article.story.Story;
import io.newsline.article.story.StoryFeatures;
import io.newsline.article.story.StoryIndex;
import io.newsline.article.story.StoryKeeper;
import io.newsline.article.story.StoryParams;
import io.newsline.avro.StoryMerge;
import io.newsline.streams.errors.FailureStats;
import io.newsline.streams.metrics.PipelineMetrics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The keeper processor over in-memory stores (MockProcessorContext, punctuations fired by hand): the matching records
 * it forwards are loaded into the matching store at once ({@link MatchingLoader}: an index that never lags) and its
 * messages to keepers are delivered back to it (one partition).
 */
class StoryKeeperProcessorTest {
    private static final Duration DELAY = Duration.ofSeconds(3);
    private static final long T0 = 1_800_000_000_000L;
    private static final StorySettings SETTINGS = new StorySettings(
            true, StoryParams.defaults(), Duration.ofHours(1), DELAY, "test-story-updates", "test-story-matching");

    /** Makes the next put of the keeper's store fail (a broken disk, a bug), once. */
    private final java.util.concurrent.atomic.AtomicBoolean failNextPut =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final KeyValueStore<String, byte[]> stories = failingOnDemand(store(StoryTopology.STORIES_STORE));
    private final KeyValueStore<String, byte[]> matching = store(StoryTopology.MATCHING_STORE);
    private final List<StoryMerge> merges = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** The instance's own decisions, shared by its keepers and its global thread as in the topology. */
    private final DecidedStories decided = new DecidedStories(16, 30_000);

    /** The global thread's context: the matching records are loaded at once, at the keeper's wall clock. */
    private final MockProcessorContext<Void, Void> loaderContext = new MockProcessorContext<>();

    /** The instance's decoded summaries, which its global thread's loader keeps current, as in the topology. */
    private final MatchingCache summaries = new MatchingCache(16);

    private final MatchingLoader loader = loader(loaderContext, matching, decided, summaries);

    @Test
    void twinsFoundedAtOnceAreMergedAtTheirFirstLookAndTheSurvivorLooksAgain() {
        Keeper keeper = new Keeper(T0);
        keeper.join("story-b", article("article-2"));
        keeper.join("story-a", article("article-1"));
        assertThat(keeper.schedule().size()).isEqualTo(2);

        keeper.punctuate(T0 + DELAY.toMillis() - 1);
        assertThat(merges).isEmpty(); // not before the recheck delay

        long firstLook = T0 + DELAY.toMillis();
        keeper.punctuate(firstLook);
        assertThat(merges).singleElement().satisfies(m -> {
            assertThat(m.getStoryId()).isEqualTo("story-b");
            assertThat(m.getIntoStoryId()).isEqualTo("story-a");
        });
        // The survivor absorbed its twin: it looks again, from the absorb on, and its entry says so.
        assertThat(keeper.schedule().size()).isEqualTo(1);
        assertThat(StoryCodec.looksSince(stories.get("story-a"))).isEqualTo(firstLook);
        assertThat(StoryCodec.decodeEntry(stories.get("story-b"))).isEqualTo(new StoryKeeper.MergedInto("story-a"));
        assertThat(StoryCodec.looksSince(stories.get("story-b"))).isEqualTo(StoryCodec.NOT_LOOKING);
    }

    @Test
    void theDecidingTasksOfTheInstanceSeeAMergeBeforeTheIndexDoes() {
        Keeper keeper = new Keeper(T0);
        keeper.join("story-b", article("article-2"));
        keeper.join("story-a", article("article-1"));
        // What the deciding tasks' global store shows while the merge is on its way (it lags the keepers).
        InMemoryStoryIndex lagging = new InMemoryStoryIndex();
        for (String id : List.of("story-a", "story-b")) {
            Story summary = new MatchingIndex(matching, new MatchingCache(16)).summary(id);
            lagging.apply(new StoryKeeper.PublishSummary(summary, List.of("e:acme", "k:strike")));
        }
        StoryIndex view = decided.over(lagging);
        assertThat(view.candidates(List.of("e:acme"), 32)).containsExactlyInAnyOrder("story-a", "story-b");

        keeper.punctuate(T0 + DELAY.toMillis()); // story-b goes into story-a

        assertThat(merges).hasSize(1);
        assertThat(view.candidates(List.of("e:acme"), 32)).containsExactly("story-a");
        assertThat(view.summary("story-b")).isNull();
        assertThat(view.summary("story-a").articles()).isEqualTo(2); // the survivor as it absorbed its twin
    }

    @Test
    void anArticleSentToAMergedStoryGoesOnToTheSurvivorAndIsCounted() {
        Keeper keeper = new Keeper(T0);
        keeper.join("story-b", article("article-2"));
        keeper.join("story-a", article("article-1"));
        keeper.punctuate(T0 + DELAY.toMillis()); // story-b goes into story-a
        assertThat(meters.get("newsline.story.redirects").counter().count()).isZero();

        keeper.join("story-b", article("article-3")); // decided while the index still showed story-b

        assertThat(meters.get("newsline.story.redirects").counter().count()).isEqualTo(1);
        assertThat(((StoryKeeper.Live) StoryCodec.decodeEntry(stories.get("story-a")))
                        .story()
                        .articles())
                .isEqualTo(3);
    }

    @Test
    void theKeepersCpuTimeIsCountedByPart() {
        Keeper keeper = new Keeper(T0);
        keeper.join("story-a", article("article-1"));
        keeper.punctuate(T0 + DELAY.toMillis());

        for (String part : List.of("keep", "recheck")) {
            assertThat(meters.get("newsline.story.cpu")
                            .tag("part", part)
                            .counter()
                            .count())
                    .as(part)
                    .isPositive();
        }
        assertThat(meters.get("newsline.story.cpu")
                        .tag("part", "keep")
                        .counter()
                        .getId()
                        .getBaseUnit())
                .isEqualTo("seconds");
    }

    @Test
    void aMessageThatFailsLeavesNoChangeBehind() {
        Keeper keeper = new Keeper(T0);
        keeper.join("story-a", article("article-1"));
        failNextPut.set(true);
        // The keeper adds the article to the story in place, then cannot write it: the dead-letter handler lets the
        // task go on, so nothing of that message may stay.
        assertThatThrownBy(() -> keeper.join("story-a", article("article-2")))
                .isInstanceOf(IllegalStateException.class);

        keeper.join("story-a", article("article-3"));

        assertThat(((StoryKeeper.Live) StoryCodec.decodeEntry(stories.get("story-a")))
                        .story()
                        .articles())
                .isEqualTo(2);
    }

    @Test
    void aStoryWhoseLookFailsEndsItsLooksAndTheOtherStoriesStillLook() {
        Keeper before = new Keeper(T0);
        before.join(
                "story-a",
                new StoryFeatures(
                        "article-0",
                        T0,
                        false,
                        "Floods in Zeta",
                        Map.of("e:zeta", 0.8, "k:flood", 0.6),
                        List.of("e:zeta", "k:flood"),
                        Map.of("e:zeta", "Zeta")));
        before.join("story-c", article("article-2"));
        before.join("story-b", article("article-1"));
        // story-a's entry still says when its looks started, but the rest does not read (a bug, a bad disk).
        byte[] entry = stories.get("story-a");
        byte[] broken = java.util.Arrays.copyOf(entry, 20);
        stories.put("story-a", broken);
        long droppedBefore = FailureStats.shared().total(FailureStats.Outcome.DROPPED_NO_SOURCE);

        Keeper after = new Keeper(T0 + 1); // a restart: the schedule is rebuilt from the entries
        assertThat(after.schedule().size()).isEqualTo(3);
        after.punctuate(T0 + DELAY.toMillis()); // story-a's look fails first (smallest id), the twins still merge

        assertThat(merges).singleElement().satisfies(m -> assertThat(m.getStoryId())
                .isEqualTo("story-c"));
        assertThat(FailureStats.shared().total(FailureStats.Outcome.DROPPED_NO_SOURCE))
                .isEqualTo(droppedBefore + 1);
        assertThat(after.schedule().size()).isEqualTo(1); // story-b, the survivor, looks again; story-a no more
        after.punctuate(T0 + 2 * DELAY.toMillis()); // and the next punctuation does not meet story-a again
        assertThat(FailureStats.shared().total(FailureStats.Outcome.DROPPED_NO_SOURCE))
                .isEqualTo(droppedBefore + 1);
    }

    @Test
    void aMessageWithoutAStoryIdIsADeadLetterNotASilentDrop() {
        Keeper keeper = new Keeper(T0);
        assertThatThrownBy(() -> keeper.processor.process(new Record<>(null, new byte[] {11}, T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a story id");
    }

    @Test
    void aSummaryRemovedFromTheIndexLeavesTheInstancesOwnDecisions() {
        decided.put(StoryKeeper.publication(storyOf("story-c", article("article-3")), SETTINGS.params()), T0);
        StoryIndex view = decided.over(new InMemoryStoryIndex());
        assertThat(view.summary("story-c")).isNotNull();

        loader.process(new Record<>(MatchingIndex.summaryKey("story-c"), null, T0)); // merged on another instance

        assertThat(view.summary("story-c")).isNull();
        assertThat(decided.size()).isZero();
    }

    @Test
    void aStoryFoundedLongAfterASimilarOneIsNoTwinOfIt() {
        Keeper keeper = new Keeper(T0);
        keeper.join("story-a", article("article-1"));
        long later = T0 + 10 * DELAY.toMillis();
        keeper.punctuate(later); // story-a's first looks: nothing
        keeper.join("story-b", article("article-2")); // the index showed story-a long before: not decided blind

        keeper.punctuate(later + DELAY.toMillis());
        keeper.punctuate(later + 4 * DELAY.toMillis());
        keeper.punctuate(later + 13 * DELAY.toMillis());

        assertThat(merges).isEmpty(); // alike (the same report), but founded 30 s apart: two stories
        assertThat(keeper.schedule().size()).isZero();
    }

    @Test
    void aLoneStoryLooksThreeTimesAndItsLooksWriteNothing() {
        Keeper keeper = new Keeper(T0);
        keeper.join("story-a", article("article-1"));
        byte[] founded = stories.get("story-a");
        assertThat(StoryCodec.looksSince(founded)).isEqualTo(T0);

        long d = DELAY.toMillis();
        keeper.punctuate(T0 + d);
        keeper.punctuate(T0 + 4 * d - 1);
        assertThat(keeper.schedule().size()).isEqualTo(1);
        keeper.punctuate(T0 + 4 * d);
        keeper.punctuate(T0 + 13 * d - 1);
        assertThat(keeper.schedule().size()).isEqualTo(1);
        keeper.punctuate(T0 + 13 * d);

        assertThat(keeper.schedule().size()).isZero();
        assertThat(merges).isEmpty();
        // The same bytes as at its founding: the looks, and their end, were never written.
        assertThat(stories.get("story-a")).isSameAs(founded);
        // Its next write says its looks are over.
        keeper.join("story-a", article("article-2"));
        assertThat(StoryCodec.looksSince(stories.get("story-a"))).isEqualTo(StoryCodec.NOT_LOOKING);
    }

    @Test
    void aKeeperStartedAgainOverTheSameStoresResumesThePendingLooks() {
        Keeper before = new Keeper(T0);
        before.join("story-b", article("article-2"));
        before.join("story-a", article("article-1"));
        // The task stops before the stories' first look (a restart, a rebalance); only the stores are kept.

        long restartedAt = T0 + DELAY.toMillis() / 2;
        Keeper after = new Keeper(restartedAt);
        assertThat(after.schedule().size()).isEqualTo(2);
        after.punctuate(restartedAt);
        assertThat(merges).isEmpty(); // the first look is still due a delay after the founding

        after.punctuate(T0 + DELAY.toMillis());
        assertThat(merges).singleElement().satisfies(m -> {
            assertThat(m.getStoryId()).isEqualTo("story-b");
            assertThat(m.getIntoStoryId()).isEqualTo("story-a");
        });
    }

    @Test
    void aKeeperStartedAgainLongAfterTakesTheLatestLookDueAndGoesOnFromThere() {
        Keeper before = new Keeper(T0);
        before.join("story-a", article("article-1"));
        long d = DELAY.toMillis();
        before.punctuate(T0 + d); // the first look: no twin

        // Stopped for a while: the second look (due at T0 + 4d) was missed; the third is due at T0 + 13d.
        Keeper after = new Keeper(T0 + 6 * d);
        assertThat(after.schedule().due(T0 + 6 * d)).singleElement().satisfies(due -> assertThat(due.value)
                .isEqualTo(new RecheckSchedule.Recheck(T0 + 4 * d, 2, 0, T0)));
        after.punctuate(T0 + 6 * d);
        after.punctuate(T0 + 15 * d - 1);
        assertThat(after.schedule().size()).isEqualTo(1);
        after.punctuate(T0 + 15 * d); // nine delays after the look taken at the start
        assertThat(after.schedule().size()).isZero();
    }

    /** One keeper task over the test's stores, started at {@code startedAt} (wall clock). */
    private final class Keeper {
        private final MockProcessorContext<String, StoryKeeperProcessor.Output> context =
                new MockProcessorContext<>(metricsConfig());
        private final StoryKeeperProcessor processor = new StoryKeeperProcessor(SETTINGS, summaries, decided);

        Keeper(long startedAt) {
            context.addStateStore(stories);
            context.addStateStore(matching);
            context.setCurrentSystemTimeMs(startedAt);
            context.setCurrentStreamTimeMs(T0);
            processor.init(context);
        }

        RecheckSchedule schedule() {
            return processor.rechecks();
        }

        void join(String storyId, StoryFeatures article) {
            deliver(new Record<>(storyId, StoryCodec.encodeMessage(new StoryKeeper.Join(article)), T0));
        }

        void punctuate(long wallClock) {
            context.setCurrentSystemTimeMs(wallClock);
            context.scheduledPunctuators().stream()
                    .filter(p -> p.getType() == PunctuationType.WALL_CLOCK_TIME)
                    .forEach(p -> p.getPunctuator().punctuate(wallClock));
            deliverForwarded();
        }

        private void deliver(Record<String, byte[]> record) {
            processor.process(record);
            deliverForwarded();
        }

        /** Carries out what the keeper forwarded until it sends nothing more. */
        private void deliverForwarded() {
            Deque<Record<String, byte[]>> messages = new ArrayDeque<>();
            do {
                if (!messages.isEmpty()) {
                    processor.process(messages.poll());
                }
                for (var forwarded : context.forwarded()) {
                    var r = forwarded.record();
                    switch (r.value().destination()) {
                        case MATCHING -> {
                            loaderContext.setCurrentSystemTimeMs(context.currentSystemTimeMs());
                            loader.process(new Record<>(r.key(), r.value().bytes(), r.timestamp()));
                        }
                        case KEEPER ->
                            messages.add(new Record<>(r.key(), r.value().bytes(), r.timestamp()));
                        case MERGES -> merges.add(r.value().merge());
                    }
                }
                context.resetForwards();
            } while (!messages.isEmpty());
        }
    }

    private static StoryFeatures article(String id) {
        return new StoryFeatures(
                id,
                T0,
                false,
                "Acme workers strike",
                Map.of("e:acme", 0.8, "k:strike", 0.6),
                List.of("e:acme", "k:strike"),
                Map.of("e:acme", "Acme"));
    }

    private java.util.Properties metricsConfig() {
        java.util.Properties config = new java.util.Properties();
        config.put(PipelineMetrics.CONFIG, new PipelineMetrics(meters));
        return config;
    }

    /** A story of one article. */
    private static Story storyOf(String id, StoryFeatures article) {
        return new Story(
                id, article.title(), 1, T0, T0, Story.NO_DATE, Story.NO_DATE, article.vector(), article.names());
    }

    private static MatchingLoader loader(
            MockProcessorContext<Void, Void> context,
            KeyValueStore<String, byte[]> matching,
            DecidedStories decided,
            MatchingCache summaries) {
        context.setCurrentSystemTimeMs(T0);
        context.addStateStore(matching);
        MatchingLoader loader = new MatchingLoader(decided, summaries);
        loader.init(context);
        return loader;
    }

    /** The store, with a put that fails when {@link #failNextPut} is set. */
    @SuppressWarnings("unchecked")
    private KeyValueStore<String, byte[]> failingOnDemand(KeyValueStore<String, byte[]> store) {
        return (KeyValueStore<String, byte[]>) java.lang.reflect.Proxy.newProxyInstance(
                KeyValueStore.class.getClassLoader(), new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("put") && failNextPut.getAndSet(false)) {
                        throw new IllegalStateException("test: the store cannot be written");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static KeyValueStore<String, byte[]> store(String name) {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
