package io.newsline.streams.story;

import io.newsline.article.story.DecidedStories;
import io.newsline.article.story.StoryKeeper;
import io.newsline.avro.StoryMerge;
import io.newsline.common.LruMap;
import io.newsline.streams.errors.FailureStats;
import io.newsline.streams.metrics.PipelineMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keeper of the stories whose ids hash to this task's partition of the story-updates topic: runs {@link
 * StoryKeeper} on each message and turns its effects into records (the matching topic, messages to other keepers,
 * merges). State: {@code story-stories} (the ledger; a live story's entry also holds the wall-clock time from which
 * it looks for a twin to merge with, from which {@link RecheckSchedule} is rebuilt when the task starts). Two
 * punctuations: the rechecks (wall-clock), and forgetting stories quiet for longer than the retention (stream time).
 */
final class StoryKeeperProcessor implements Processor<String, byte[], String, StoryKeeperProcessor.Output> {
    private static final Logger log = LoggerFactory.getLogger(StoryKeeperProcessor.class);

    /** One record the keeper writes: to the matching topic, to another keeper, or a merge. */
    record Output(Destination destination, byte[] bytes, StoryMerge merge) {}

    enum Destination {
        MATCHING,
        KEEPER,
        MERGES
    }

    /** How many times a recheck waits for the index to show the story itself (each the recheck delay). */
    static final int MAX_WAITS = 40;

    private final StorySettings settings;
    private final MatchingCache cache;
    private final DecidedStories decided;
    /**
     * The entries this keeper wrote last, decoded: it is their only writer, so they equal the store's; saves decoding
     * a story for each of its articles (bounded, access order; a full story is some 20 KB of heap, estimated: at 1,024
     * per task that is up to 120 MB at six partitions).
     */
    private final Map<String, StoryKeeper.Entry> recent = new LruMap<>(RECENT_ENTRIES);

    private static final int RECENT_ENTRIES = 256;

    /**
     * The entries the keeper put during the current message or look, written to the store after its effects are
     * carried out: a story's entry then carries the start of the looks the same effects scheduled (founding, absorb),
     * in the one write the keeper's put costs anyway.
     */
    private final Map<String, StoryKeeper.Entry> unwritten = new LinkedHashMap<>();

    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, byte[]> stories;
    private RecheckSchedule rechecks;
    private MatchingIndex index;
    private StoryKeeper keeper;
    private PipelineMetrics metrics;

    StoryKeeperProcessor(StorySettings settings, MatchingCache cache, DecidedStories decided) {
        this.settings = settings;
        this.cache = cache;
        this.decided = decided;
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        // A task revived after an aborted transaction re-initialises this processor: start from the store.
        forgetRecent();
        this.stories = context.getStateStore(StoryTopology.STORIES_STORE);
        this.metrics = PipelineMetrics.of(context.appConfigs());
        try (KeyValueIterator<String, byte[]> entries = stories.all()) {
            this.rechecks = RecheckSchedule.resume(
                    entries, settings.recheckDelay().toMillis(), lookingSpan(), context.currentSystemTimeMs());
        }
        KeyValueStore<String, byte[]> matching = context.getStateStore(StoryTopology.MATCHING_STORE);
        this.index = new MatchingIndex(matching, cache);
        this.keeper = new StoryKeeper(settings.params(), new KeeperLedger(), context::currentSystemTimeMs);
        Duration delay = settings.recheckDelay();
        Duration every = delay.compareTo(Duration.ofSeconds(1)) < 0 ? delay : Duration.ofSeconds(1);
        context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::recheck);
        context.schedule(settings.expiryInterval(), PunctuationType.STREAM_TIME, this::forgetClosed);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            // Keepers never send one: a dead letter with this reason, not a silent drop.
            throw new IllegalArgumentException("a story message without a story id or a value");
        }
        changingStories(PipelineMetrics.StoryPart.KEEP, () -> handle(record));
    }

    private void handle(Record<String, byte[]> record) {
        StoryKeeper.Message message = StoryCodec.decodeMessage(record.value());
        List<StoryKeeper.Effect> effects = keeper.handle(record.key(), message);
        if (message instanceof StoryKeeper.Join && StoryKeeper.sentOn(message, effects)) {
            metrics.storyRedirected();
        }
        if (message instanceof StoryKeeper.Absorb) {
            // The survivor, as this instance's deciding tasks should see it now (emit hides the merged story).
            decided.absorbed(effects, context.currentSystemTimeMs());
        }
        emit(effects, record.timestamp());
        writeEntries();
    }

    /**
     * Runs work that changes stories (a message, the looks), counting its CPU as {@code part}. On a failure the recent
     * entries go ({@link #forgetRecent}): the record goes to the dead letters, or the task restarts, and neither keeps
     * its changes.
     */
    private void changingStories(PipelineMetrics.StoryPart part, Runnable work) {
        long cpuStart = PipelineMetrics.threadCpuNanos();
        try {
            work.run();
        } catch (RuntimeException e) {
            forgetRecent();
            throw e;
        }
        metrics.storyCpu(part, cpuStart);
    }

    /**
     * Drops the decoded entries: they may hold changes the store does not (a failure before they were written, which
     * the dead-letter handler lets the task survive, or a transaction aborted after they were), and the keeper changes
     * the stories it gets from them in place. The store is read again.
     */
    private void forgetRecent() {
        recent.clear();
        unwritten.clear();
    }

    /**
     * The longest a story's looks take: every wait and the delays before its three looks, each step late by up to a
     * punctuation interval (at most a delay), doubled for punctuations delayed by load.
     */
    private long lookingSpan() {
        long steps = MAX_WAITS + StoryKeeper.LOOKS;
        long delays = MAX_WAITS;
        for (int looks = 0; looks < StoryKeeper.LOOKS; looks++) {
            delays += StoryKeeper.delaysBeforeLook(looks);
        }
        return 2 * (delays + steps) * settings.recheckDelay().toMillis();
    }

    /**
     * Stories whose recheck is due look for a twin in the index. How long the index takes to catch up depends on
     * the load (two commits and the global thread's read): a story looks only once the index shows the story itself
     * (waiting up to {@value #MAX_WAITS} delays), and one that finds no twin looks again after three and nine times
     * the delay: {@link StoryKeeper#LOOKS} looks in all.
     */
    private void recheck(long wallClock) {
        changingStories(PipelineMetrics.StoryPart.RECHECK, () -> lookForTwins(wallClock));
    }

    private void lookForTwins(long wallClock) {
        long delay = settings.recheckDelay().toMillis();
        for (KeyValue<String, RecheckSchedule.Recheck> due : rechecks.due(wallClock)) {
            String storyId = due.key;
            RecheckSchedule.Recheck recheck = due.value;
            if (index.summary(storyId) == null && recheck.waits() < MAX_WAITS) {
                // The index does not show the story itself yet: it is behind (load); look once it is not.
                // Kept in memory only: after a restart the story starts its waits again.
                rechecks.put(
                        storyId,
                        new RecheckSchedule.Recheck(
                                wallClock + delay, recheck.looks(), recheck.waits() + 1, recheck.since()));
                continue;
            }
            List<StoryKeeper.Effect> effects = forOneStory(
                    "look for a twin",
                    storyId,
                    () -> keeper.recheck(storyId, index, decided.shownAt(storyId), TWIN_WINDOW_MARGIN_MS));
            if (effects == null) {
                rechecks.remove(storyId); // its looks end
                continue;
            }
            if (effects.isEmpty() && recheck.looks() < StoryKeeper.LOOKS) {
                long next = wallClock + delay * StoryKeeper.delaysBeforeLook(recheck.looks());
                rechecks.put(
                        storyId,
                        new RecheckSchedule.Recheck(next, recheck.looks() + 1, recheck.waits(), recheck.since()));
            } else {
                // No write: the entry still names the start of its looks until the story's next write, and a
                // schedule rebuilt meanwhile leaves it out once the task's later looks started long enough after.
                rechecks.remove(storyId);
            }
            emit(effects, context.currentStreamTimeMs());
            writeEntries();
        }
    }

    /**
     * The twin window's margin ({@link StoryKeeper#recheck(String, io.newsline.article.story.StoryIndex, Long, long)}):
     * how much later (or earlier) another instance's index may show a story than this instance's, whose global thread
     * noted when it first showed it ({@link DecidedStories#shown}; unknown after a restart: no window).
     */
    static final long TWIN_WINDOW_MARGIN_MS = 1_000;

    /** The stories looking for a twin (tests). */
    RecheckSchedule rechecks() {
        return rechecks;
    }

    /** Forgets stories (and redirects) not written for longer than the retention, by stream time. */
    private void forgetClosed(long streamTime) {
        long before = streamTime - settings.params().retention().toMillis();
        List<String> closed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = stories.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (StoryCodec.touchedAt(kv.value) < before) {
                    closed.add(kv.key);
                }
            }
        }
        for (String storyId : closed) {
            rechecks.remove(storyId);
            List<StoryKeeper.Effect> effects = forOneStory("closing", storyId, () -> keeper.forget(storyId));
            if (effects == null) {
                // Its entry goes, and its summary if the index has one (a tombstone for a story it does not have
                // changes nothing).
                stories.delete(storyId);
                effects = List.of(new StoryKeeper.RemoveSummary(storyId));
            }
            emit(effects, streamTime);
        }
        writeEntries();
    }

    /**
     * A punctuation's work on one story, or null when it failed. One story's failure (an entry that does not read, a
     * bug met by its state) must not stop the others' work: it would fail first in every punctuation from then on. So
     * it is counted and logged with the story (a punctuation has no source record to dead-letter), and the decoded
     * entries go, as after any failure. A Kafka exception (the store, a migrated task) is the task's, not the story's:
     * it still fails the punctuation.
     */
    private List<StoryKeeper.Effect> forOneStory(
            String work, String storyId, Supplier<List<StoryKeeper.Effect>> action) {
        try {
            return action.get();
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            forgetRecent();
            long total = FailureStats.shared().record(FailureStats.Outcome.DROPPED_NO_SOURCE, e);
            log.error(
                    "The {} of story {} failed and was skipped; the other stories' goes on. Failures outside any"
                            + " source record so far: {}",
                    work,
                    storyId,
                    total,
                    e);
            return null;
        }
    }

    /** Writes the entries put since the last call, each with the start of its story's looks if it is looking. */
    private void writeEntries() {
        long touchedAt = context.currentStreamTimeMs();
        for (Map.Entry<String, StoryKeeper.Entry> e : unwritten.entrySet()) {
            stories.put(e.getKey(), StoryCodec.encodeEntry(e.getValue(), touchedAt, rechecks.since(e.getKey())));
        }
        unwritten.clear();
    }

    private void emit(List<StoryKeeper.Effect> effects, long timestamp) {
        for (StoryKeeper.Effect effect : effects) {
            if (effect instanceof StoryKeeper.Send send) {
                forward(
                        send.storyId(),
                        new Output(Destination.KEEPER, StoryCodec.encodeMessage(send.message()), null),
                        timestamp);
            } else if (effect instanceof StoryKeeper.Merged merged) {
                StoryMerge merge = StoryMerge.newBuilder()
                        .setStoryId(merged.storyId())
                        .setIntoStoryId(merged.into())
                        .setLabel(merged.label())
                        .setArticles(merged.articles())
                        .setMergedAt(Instant.ofEpochMilli(timestamp))
                        .build();
                forward(merged.storyId(), new Output(Destination.MERGES, null, merge), timestamp);
                metrics.storyMerged();
                // This instance's deciding tasks stop sending articles to it now, not once the index shows it gone.
                decided.merged(merged.storyId(), context.currentSystemTimeMs());
            } else if (effect instanceof StoryKeeper.ScheduleRecheck recheck) {
                long now = context.currentSystemTimeMs();
                long due = now + settings.recheckDelay().toMillis();
                rechecks.put(recheck.storyId(), new RecheckSchedule.Recheck(due, 1, 0, now));
            } else {
                KeyValue<String, byte[]> kv = MatchingIndex.record(effect);
                forward(kv.key, new Output(Destination.MATCHING, kv.value, null), timestamp);
            }
        }
    }

    private void forward(String key, Output output, long timestamp) {
        context.forward(new Record<>(key, output, timestamp));
    }

    /**
     * The keeper's state over the task's store {@code story-stories}, with the recent entries decoded ({@link #recent})
     * and the written ones kept until {@link #writeEntries}.
     */
    private final class KeeperLedger implements StoryKeeper.Ledger {
        @Override
        public StoryKeeper.Entry get(String storyId) {
            // Not a copy, though the keeper changes the story it gets: a failure before the store is written drops
            // every recent entry (forgetRecent). The copy was a third of the keeper's own CPU samples (JFR).
            StoryKeeper.Entry entry = recent.get(storyId);
            if (entry != null) {
                return entry;
            }
            byte[] value = stories.get(storyId);
            return value == null ? null : StoryCodec.decodeEntry(value);
        }

        @Override
        public void put(String storyId, StoryKeeper.Entry entry) {
            unwritten.put(storyId, entry);
            recent.put(storyId, entry);
        }

        @Override
        public void remove(String storyId) {
            unwritten.remove(storyId);
            stories.delete(storyId);
            recent.remove(storyId);
        }
    }
}
