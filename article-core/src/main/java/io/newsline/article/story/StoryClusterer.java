package io.newsline.article.story;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The app's story stage in one process, for the evaluation and tests: {@link StoryMatcher} decides each article's
 * story against the matching index, {@link StoryKeeper} adds it and publishes to the index, merges included.
 *
 * <p>{@code lag} simulates the app's asynchrony: there, an index change reaches the deciding tasks only after the
 * keeper's transaction commits and the global store reads it, while other articles are being decided. Here the
 * index effects of an article are applied only after {@code lag} more articles have been decided (0: at once, as on
 * one partition with no delay). Keeper messages (merges, forwarded articles) are handled at once.
 *
 * <p>{@code recheckAfter} simulates the app's recheck delay: there, a story just founded looks for its twin a few
 * seconds of wall clock after the index shows it, while more articles are decided and more stories become visible;
 * here it looks after {@code recheckAfter} more articles' changes became visible (0: at once). A look that finds no
 * twin is repeated after three and nine times that (the app's three looks); {@link #finish} takes every look left.
 *
 * <p>{@code instances} simulates app instances that read their own decisions ({@link DecidedStories}): each article
 * is decided on the instance its id hashes to, which sees its own earlier decisions at once and the others' only
 * through the lagging index (0: no instance reads its own decisions, every decision waits for the index).
 */
public final class StoryClusterer {
    private final StoryFeatureExtractor extractor;
    private final StoryMatcher matcher;
    private final StoryKeeper keeper;
    private final InMemoryStoryIndex index = new InMemoryStoryIndex();
    private final Map<String, StoryKeeper.Entry> ledger = new HashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();
    private final int lag;
    private final Deque<List<StoryKeeper.Effect>> pending = new ArrayDeque<>();
    private final int recheckAfter;
    private final StoryParams params;
    /** Per simulated instance, its decisions the index does not show yet (empty: no instance reads its own). */
    private final List<DecidedStories> decided = new ArrayList<>();
    /** How many articles were decided: the clock of {@link #decided}. */
    private long decisions;
    /** Rechecks waiting for their turn, in due order, then in the order they were scheduled. */
    private final PriorityQueue<Look> looks =
            new PriorityQueue<>(Comparator.comparingLong(Look::due).thenComparingLong(Look::order));
    /** How many looks were scheduled: the tie-break of equal dues. */
    private long scheduled;
    /** How many articles' (or rechecks') index changes have become visible. */
    private long visible;

    private int merges;
    /** When the index first showed each story, in decisions (the app's {@link DecidedStories#shown}). */
    private final Map<String, Long> shownAt = new HashMap<>();

    private int redirected;

    /** A story's next look for a twin: due once {@code due} changes are visible; {@code number} 1 to 3. */
    private record Look(String storyId, long due, int number, long order) {}

    public StoryClusterer(StoryParams params) {
        this(params, 0);
    }

    public StoryClusterer(StoryParams params, int lag) {
        this(params, lag, 0);
    }

    public StoryClusterer(StoryParams params, int lag, int recheckAfter) {
        this(params, lag, recheckAfter, 0);
    }

    public StoryClusterer(StoryParams params, int lag, int recheckAfter, int instances) {
        if (instances < 0) {
            throw new IllegalArgumentException("instances must be >= 0: " + instances);
        }
        for (int i = 0; i < instances; i++) {
            // Unbounded here (times are counts of articles): an entry goes once the index shows its story.
            decided.add(new DecidedStories(Integer.MAX_VALUE, Long.MAX_VALUE / 4));
        }
        this.params = params;
        this.recheckAfter = recheckAfter;
        this.extractor = new StoryFeatureExtractor(params);
        this.matcher = new StoryMatcher(params);
        this.keeper = new StoryKeeper(params, StoryKeeper.Ledger.of(ledger), () -> decisions);
        this.lag = lag;
    }

    public StoryFeatures features(StoryInput input) {
        return extractor.extract(input);
    }

    public StoryAssignment assign(StoryInput input) {
        return assign(extractor.extract(input));
    }

    public StoryAssignment assign(StoryFeatures article) {
        StoryMatcher.Match match;
        if (decided.isEmpty()) {
            match = matcher.match(article, index);
        } else {
            DecidedStories own = decided.get(Math.floorMod(article.articleId().hashCode(), decided.size()));
            match = matcher.match(article, own.over(index));
            own.put(StoryKeeper.publication(match.story(), params), decisions);
        }
        decisions++;
        List<StoryKeeper.Effect> indexEffects = new ArrayList<>();
        if (mergedInto.containsKey(match.storyId())) {
            redirected++;
        }
        carryOut(keeper.handle(match.storyId(), new StoryKeeper.Join(article)), indexEffects);
        pending.add(indexEffects);
        catchUp(lag);
        Story story = ((StoryKeeper.Live) ledger.get(resolve(match.storyId()))).story();
        return new StoryAssignment(match.storyId(), match.founded(), match.similarity(), story, match.candidates());
    }

    /**
     * The end of the input: the index catches up with everything and the last stories founded look for their twins
     * (in the app their rechecks come a few seconds later, whatever follows).
     */
    public void finish() {
        catchUp(0);
        while (!looks.isEmpty()) {
            visible = Math.max(visible, looks.peek().due());
            runDueLooks();
            catchUp(0);
        }
    }

    /** Applies index changes until at most {@code behind} articles' changes are pending, with their rechecks. */
    private void catchUp(int behind) {
        while (pending.size() > behind) {
            List<StoryKeeper.Effect> batch = pending.poll();
            batch.forEach(index::apply);
            for (StoryKeeper.Effect effect : batch) {
                if (effect instanceof StoryKeeper.PublishSummary published) {
                    shownAt.putIfAbsent(published.summary().id(), decisions); // as the app's global thread notes
                }
                if (effect instanceof StoryKeeper.RemoveSummary removed) {
                    // As the app's global thread tells its instance: the index no longer shows the story.
                    decided.forEach(own -> own.removed(removed.storyId()));
                }
            }
            visible++;
            // The index now shows these changes: stories founded with them look for their twins, now or later.
            for (StoryKeeper.Effect effect : batch) {
                if (effect instanceof StoryKeeper.ScheduleRecheck recheck) {
                    schedule(recheck.storyId(), visible + recheckAfter, 1);
                }
            }
            runDueLooks();
        }
    }

    private void runDueLooks() {
        List<StoryKeeper.Effect> more = new ArrayList<>();
        while (!looks.isEmpty() && looks.peek().due() <= visible) {
            Look look = looks.poll();
            // The twin window as the app's, exact here (in decisions, no margin for other instances).
            List<StoryKeeper.Effect> effects = keeper.recheck(look.storyId(), index, shownAt.get(look.storyId()), 0);
            if (effects.isEmpty() && look.number() < StoryKeeper.LOOKS && recheckAfter > 0) {
                // As the app: a story that found no twin looks again after three and nine times the delay (with no
                // delay, one look at once).
                long wait = recheckAfter * StoryKeeper.delaysBeforeLook(look.number());
                schedule(look.storyId(), visible + wait, look.number() + 1);
            }
            carryOut(effects, more);
        }
        if (!more.isEmpty()) {
            pending.add(more);
        }
    }

    private void schedule(String storyId, long due, int number) {
        looks.add(new Look(storyId, due, number, scheduled++));
    }

    /**
     * Carries out a keeper's effects, handling the messages they send (and theirs) at once; index effects go to
     * {@code indexEffects}, which become visible together.
     */
    private void carryOut(List<StoryKeeper.Effect> effects, List<StoryKeeper.Effect> indexEffects) {
        Deque<StoryKeeper.Effect> todo = new ArrayDeque<>(effects);
        while (!todo.isEmpty()) {
            StoryKeeper.Effect effect = todo.poll();
            if (effect instanceof StoryKeeper.Send send) {
                List<StoryKeeper.Effect> handled = keeper.handle(send.storyId(), send.message());
                if (send.message() instanceof StoryKeeper.Absorb && !decided.isEmpty()) {
                    // As the app's keeper, on the instance of the survivor (here: the one its id hashes to).
                    instanceOf(send.storyId()).absorbed(handled, decisions);
                }
                todo.addAll(handled);
            } else if (effect instanceof StoryKeeper.Merged merged) {
                mergedInto.put(merged.storyId(), merged.into());
                merges++;
                if (!decided.isEmpty()) {
                    // The instance of the merged story's keeper knows at once (here: the one its id hashes to).
                    instanceOf(merged.storyId()).merged(merged.storyId(), decisions);
                }
            } else {
                indexEffects.add(effect);
            }
        }
    }

    /** The simulated instance whose keeper keeps {@code storyId}. */
    private DecidedStories instanceOf(String storyId) {
        return decided.get(Math.floorMod(storyId.hashCode(), decided.size()));
    }

    /** The story a story id ends in after merges (itself when never merged). */
    public String resolve(String storyId) {
        String id = storyId;
        for (String next = mergedInto.get(id); next != null; next = mergedInto.get(id)) {
            id = next;
        }
        return id;
    }

    /** How many merges happened. */
    public int merges() {
        return merges;
    }

    /**
     * How many articles were decided onto a story already merged into another (the index, or this instance's own
     * decisions, still showing it): in the app each costs one more message, to the survivor's keeper, and a timeline
     * entry re-routed.
     */
    public int redirected() {
        return redirected;
    }
}
