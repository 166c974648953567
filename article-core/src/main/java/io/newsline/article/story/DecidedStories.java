package io.newsline.article.story;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The stories as this instance's deciding tasks last left them (founded, or joined), kept until the matching index
 * shows them: the deciding side reads its own decisions. In the app, one for the instance, shared by its tasks and
 * threads; in {@link StoryClusterer}, one per simulated instance (times are then counts of articles).
 *
 * <p>Why: the index shows a decision only after two commits and the global thread's read (the join message's
 * transaction, the keeper's summary's). Under a flood of articles (a catch-up, a backfill, the bench) that is hundreds
 * of articles, and every report of a new event decided meanwhile founded a twin story, merged later at a cost of
 * records on every side (the bench: 0.28 merges per article, each moving timeline entries). Decisions of other
 * instances still lag; merges repair those.
 *
 * <p>A decided story is a candidate under the keys its keeper will index it under ({@link Story#keys}) and its
 * summary is the one its keeper will publish, with this decision's article: the index's own summary wins once it has
 * as many articles (the index caught up; the entry is dropped). Merges too: a story this instance's keeper merged into
 * another is no candidate from then on ({@link #merged}), and the survivor's new summary is noted like a decision;
 * a story the index no longer shows ({@link #removed}: merged on any instance, or closed) leaves. Bounded: at most
 * {@code capacity} stories (and as many merges), each for at most {@code ttlMillis}, oldest out first.
 */
public final class DecidedStories {
    /** A decision, numbered in the order decisions were noted ({@code seq}): the key lists are ordered by it. */
    private record Decided(Story summary, List<String> keys, long at, long seq) {}

    private final int capacity;
    private final long ttlMillis;
    /** In order of decision, oldest first (a story decided again moves to the end). */
    private final LinkedHashMap<String, Decided> byStory = new LinkedHashMap<>();

    /**
     * The decided stories under each key, by decision number: the latest {@code max} are read without walking the
     * older ones (a busy key holds hundreds under a flood; walking them all for each of an article's keys was a tenth
     * of deciding an article in the bench's profile).
     */
    private final Map<String, NavigableMap<Long, String>> byKey = new HashMap<>();

    private long decisions;

    /**
     * Stories this instance's keepers merged into another, hidden (with when) until the index no longer shows them:
     * the index removes a merged story only after the keeper's transaction commits and the global thread reads it,
     * and meanwhile every article of the event still decided onto it went to its keeper and on to the survivor (one
     * more record), its timeline entry onto the merged story and then re-routed (the bench: a sixth of all joins).
     */
    private final LinkedHashMap<String, Long> merged = new LinkedHashMap<>();

    /**
     * When this instance's index first showed each story (the global thread read its first summary), kept for the
     * story's looks for a twin: the founding time to this is the index's lag for that story, the window within which a
     * twin can have been founded ({@link StoryKeeper#recheck(String, StoryIndex, long)}).
     */
    private final LinkedHashMap<String, Long> shown = new LinkedHashMap<>();

    private final int shownCapacity;
    private final long shownTtlMillis;

    public DecidedStories(int capacity, long ttlMillis) {
        this(capacity, ttlMillis, capacity, ttlMillis);
    }

    /**
     * @param shownCapacity how many first-shown times are kept ({@link #shown}), at most {@code shownTtlMillis} each:
     *     enough for every story founded during its looks for a twin
     */
    public DecidedStories(int capacity, long ttlMillis, int shownCapacity, long shownTtlMillis) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
        this.shownCapacity = shownCapacity;
        this.shownTtlMillis = shownTtlMillis;
    }

    /** Notes that the index shows {@code storyId} at {@code nowMillis}, unless it showed it before. */
    public synchronized void shown(String storyId, long nowMillis) {
        if (shown.putIfAbsent(storyId, nowMillis) == null) {
            evictOldest(shown, shownCapacity, nowMillis - shownTtlMillis);
        }
    }

    /** Drops the oldest of {@code noted} (story -> when, oldest first) beyond {@code capacity} or before {@code since}. */
    private static void evictOldest(LinkedHashMap<String, Long> noted, int capacity, long since) {
        Iterator<Map.Entry<String, Long>> oldest = noted.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Long> e = oldest.next();
            if (noted.size() <= capacity && e.getValue() >= since) {
                break;
            }
            oldest.remove();
        }
    }

    /** When the index first showed {@code storyId}, or {@code null} if not noted (or no longer). */
    public synchronized Long shownAt(String storyId) {
        return shown.get(storyId);
    }

    /**
     * Notes a decision: the story as its keeper will publish it ({@link StoryKeeper#publication}), with the article
     * this decision put on it.
     */
    public void put(StoryKeeper.PublishSummary publication, long nowMillis) {
        Story summary = publication.summary();
        summary.prepareForReading(); // shared with the other tasks' threads from here on
        put(summary, publication.keys(), nowMillis);
    }

    private synchronized void put(Story summary, List<String> keys, long nowMillis) {
        remove(summary.id());
        long seq = ++decisions;
        byStory.put(summary.id(), new Decided(summary, keys, nowMillis, seq));
        for (String key : keys) {
            byKey.computeIfAbsent(key, k -> new TreeMap<>()).put(seq, summary.id());
        }
        Iterator<Map.Entry<String, Decided>> oldest = byStory.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Decided> e = oldest.next();
            if (byStory.size() <= capacity && e.getValue().at() >= nowMillis - ttlMillis) {
                break;
            }
            oldest.remove();
            unindex(e.getValue());
        }
    }

    /**
     * Notes the survivor of a merge as this instance's keeper left it: the summary among the effects of its absorbing
     * the merged story, which the index shows only a commit and a global read later.
     */
    public void absorbed(List<StoryKeeper.Effect> absorbEffects, long nowMillis) {
        for (StoryKeeper.Effect effect : absorbEffects) {
            if (effect instanceof StoryKeeper.PublishSummary publication) {
                put(publication, nowMillis);
            }
        }
    }

    /**
     * Notes that this instance's keeper merged {@code storyId} into another story: it is no candidate from now on,
     * although the index may show it for a while yet. Its decided summary, if any, goes.
     */
    public synchronized void merged(String storyId, long nowMillis) {
        remove(storyId);
        merged.remove(storyId);
        merged.put(storyId, nowMillis);
        evictOldest(merged, capacity, nowMillis - ttlMillis);
    }

    /**
     * Notes that the index no longer shows {@code storyId} (its summary was removed: merged, on any instance, or closed):
     * a decided summary of it would only send articles to a redirect.
     */
    public synchronized void removed(String storyId) {
        remove(storyId); // a merge noted here stays until a reader sees the index without the story
    }

    /** How many stories are held (tests, metrics). */
    public synchronized int size() {
        return byStory.size();
    }

    /** {@code index} with this instance's decisions it does not show yet. */
    public StoryIndex over(StoryIndex index) {
        return new StoryIndex() {
            @Override
            public List<String> stories(String key, int max) {
                List<String> ids = withoutMerged(index.stories(key, max));
                List<String> decided = decidedUnder(key, max);
                if (decided.isEmpty()) {
                    return ids;
                }
                List<String> all = new ArrayList<>(ids);
                decided.stream().filter(id -> !ids.contains(id)).forEach(all::add);
                return all;
            }

            @Override
            public Story summary(String storyId) {
                Story indexed = index.summary(storyId);
                if (hiddenAsMerged(storyId, indexed)) {
                    return null;
                }
                Story decided = decidedSummary(storyId, indexed);
                return decided != null ? decided : indexed;
            }
        };
    }

    private synchronized List<String> decidedUnder(String key, int max) {
        NavigableMap<Long, String> ids = byKey.get(key);
        if (ids == null) {
            return List.of();
        }
        // The latest decisions are the most recently active: the last ones.
        List<String> latest = new ArrayList<>(Math.min(max, ids.size()));
        for (String id : ids.descendingMap().values()) {
            if (latest.size() == max) {
                break;
            }
            latest.add(id);
        }
        Collections.reverse(latest); // in order of decision, as the store's postings: oldest first
        return latest;
    }

    /** {@code ids} without the stories merged here. */
    private synchronized List<String> withoutMerged(List<String> ids) {
        if (merged.isEmpty() || ids.stream().noneMatch(merged::containsKey)) {
            return ids;
        }
        return ids.stream().filter(id -> !merged.containsKey(id)).toList();
    }

    /** Whether the story was merged here; the note goes once the index no longer shows it. */
    private synchronized boolean hiddenAsMerged(String storyId, Story indexed) {
        if (merged.isEmpty() || !merged.containsKey(storyId)) {
            return false;
        }
        if (indexed == null) {
            merged.remove(storyId);
        }
        return true;
    }

    /** The decided summary if it is ahead of {@code indexed}; drops it once the index caught up. */
    private synchronized Story decidedSummary(String storyId, Story indexed) {
        Decided decided = byStory.get(storyId);
        if (decided == null) {
            return null;
        }
        if (indexed != null && indexed.articles() >= decided.summary().articles()) {
            remove(storyId);
            return null;
        }
        return decided.summary();
    }

    private void remove(String storyId) {
        Decided old = byStory.remove(storyId);
        if (old != null) {
            unindex(old);
        }
    }

    private void unindex(Decided decided) {
        for (String key : decided.keys()) {
            NavigableMap<Long, String> ids = byKey.get(key);
            if (ids != null && ids.remove(decided.seq()) != null && ids.isEmpty()) {
                byKey.remove(key);
            }
        }
    }
}
