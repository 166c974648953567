package io.newsline.article.story;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's story stage in one process, for the evaluation and tests: {@link StoryMatcher} decides each article's
 * story against the matching index, {@link StoryKeeper} adds it and publishes to the index, merges included.
 *
 * <p>{@code lag} simulates the app's asynchrony: there, an index change reaches the deciding tasks only after the
 * keeper's transaction commits and the global store reads it, while other articles are being decided. Here the
 * index effects of an article are applied only after {@code lag} more articles have been decided (0: at once, as on
 * one partition with no delay). Keeper messages (merges, forwarded articles) are handled at once.
 */
public final class StoryClusterer {
    private final StoryParams params;
    private final StoryFeatureExtractor extractor;
    private final StoryMatcher matcher;
    private final StoryKeeper keeper;
    private final InMemoryStoryIndex index = new InMemoryStoryIndex();
    private final Map<String, StoryKeeper.Entry> ledger = new HashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();
    private final int lag;
    private final Deque<List<StoryKeeper.Effect>> pending = new ArrayDeque<>();
    private int merges;

    public StoryClusterer(StoryParams params) {
        this(params, 0);
    }

    public StoryClusterer(StoryParams params, int lag) {
        this.params = params;
        this.extractor = new StoryFeatureExtractor(params);
        this.matcher = new StoryMatcher(params);
        this.keeper = new StoryKeeper(params, StoryKeeper.Ledger.of(ledger));
        this.lag = lag;
    }

    public StoryFeatures features(StoryInput input) {
        return extractor.extract(input);
    }

    public StoryAssignment assign(StoryInput input) {
        return assign(extractor.extract(input));
    }

    public StoryAssignment assign(StoryFeatures article) {
        StoryMatcher.Match match = matcher.match(article, index);
        List<StoryKeeper.Effect> indexEffects = new ArrayList<>();
        Deque<StoryKeeper.Send> messages = new ArrayDeque<>();
        messages.add(new StoryKeeper.Send(match.storyId(), new StoryKeeper.Join(article)));
        handle(messages, indexEffects);
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
    }

    /** Applies index changes until at most {@code behind} articles' changes are pending, with their rechecks. */
    private void catchUp(int behind) {
        Deque<StoryKeeper.Send> messages = new ArrayDeque<>();
        while (pending.size() > behind) {
            List<StoryKeeper.Effect> visible = pending.poll();
            visible.forEach(index::apply);
            // The index now shows these changes: stories founded with them look for their twins.
            for (StoryKeeper.Effect effect : visible) {
                if (effect instanceof StoryKeeper.ScheduleRecheck recheck) {
                    messages.add(new StoryKeeper.Send(recheck.storyId(), null));
                }
            }
            List<StoryKeeper.Effect> more = new ArrayList<>();
            handle(messages, more);
            if (!more.isEmpty()) {
                pending.add(more);
            }
        }
    }

    /**
     * Handles keeper messages (a {@code null} message: a recheck) until none is left; index effects go to {@code
     * indexEffects}, which become visible with them.
     */
    private void handle(Deque<StoryKeeper.Send> messages, List<StoryKeeper.Effect> indexEffects) {
        while (!messages.isEmpty()) {
            StoryKeeper.Send send = messages.poll();
            List<StoryKeeper.Effect> effects = send.message() == null
                    ? keeper.recheck(send.storyId(), index)
                    : keeper.handle(send.storyId(), send.message(), index);
            for (StoryKeeper.Effect effect : effects) {
                if (effect instanceof StoryKeeper.Send next) {
                    messages.add(next);
                } else if (effect instanceof StoryKeeper.Merged merged) {
                    mergedInto.put(merged.storyId(), merged.into());
                    merges++;
                } else {
                    indexEffects.add(effect);
                }
            }
        }
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

    public StoryParams params() {
        return params;
    }
}
