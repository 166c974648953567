package io.newsline.streams.story;

import io.newsline.article.story.StoryKeeper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The stories of one keeper task looking for a twin to merge with, in memory, ordered by the time their next look is
 * due. Not a store of its own: the one durable fact a story's looks need is the wall-clock time they started
 * (founding, or its last absorb), and that is in the story's ledger entry ({@link StoryCodec#looksSince}), which the
 * keeper writes then anyway. The looks after the first, the waits for the index, and the end of the looks are only
 * here: writing each of them (a store of its own, changelogged) cost about four records per new story.
 *
 * <p>When the task starts (after a restore, a restart or a revived task), {@link #resume} rebuilds the schedule from
 * the ledger's entries, recomputing each story's next look from the time its looks started.
 */
final class RecheckSchedule {
    /**
     * When a story's next look is due (wall clock), which look it is (1 to {@link StoryKeeper#LOOKS}), how many times
     * it waited for the index, and when its looks started.
     */
    record Recheck(long due, int looks, int waits, long since) {}

    private record Due(long due, String storyId) {}

    private static final Comparator<Due> BY_TIME_THEN_ID =
            Comparator.comparingLong(Due::due).thenComparing(Due::storyId);

    private final Map<String, Recheck> pending = new HashMap<>();
    private final NavigableSet<Due> byDue = new TreeSet<>(BY_TIME_THEN_ID);

    /**
     * The schedule after a start, from the ledger's entries: the stories whose looks may not be over. A story's looks
     * end at the latest {@code span} after they started (waits, the three looks and late punctuations included);
     * the ledger does not say when the task stopped, but it was running when it started the latest looks in it, so a
     * story whose looks started more than {@code span} before those is done. The others look again: each takes the
     * latest of its looks that was due by {@code now} (it may have been taken before the stop: a look taken twice is
     * harmless, one that finds no twin changes nothing), or its first when none was, and goes on from there. Looks
     * missed during the stop are not caught up one by one: the look taken sees what they would have seen, and more.
     *
     * <p>Cost: one pass over the whole store, decoding only each entry's first 17 bytes (the store still reads whole
     * values: the same scan as one round of forgetting closed stories), and a list of the stories near the latest.
     */
    static RecheckSchedule resume(KeyValueIterator<String, byte[]> entries, long delay, long span, long now) {
        List<KeyValue<String, Long>> looking = new ArrayList<>();
        long latest = Long.MIN_VALUE;
        while (entries.hasNext()) {
            KeyValue<String, byte[]> kv = entries.next();
            long since = StoryCodec.looksSince(kv.value);
            if (since == StoryCodec.NOT_LOOKING) {
                continue;
            }
            latest = Math.max(latest, since);
            if (since >= latest - span) { // only those that may be within span of the latest, known at the end
                looking.add(KeyValue.pair(kv.key, since));
            }
        }
        RecheckSchedule schedule = new RecheckSchedule();
        for (KeyValue<String, Long> story : looking) {
            if (story.value >= latest - span) {
                schedule.put(story.key, resumed(story.value, delay, now));
            }
        }
        return schedule;
    }

    /** The look of a story whose looks started at {@code since} to take after a start at {@code now}. */
    static Recheck resumed(long since, long delay, long now) {
        int look = 1;
        long due = since + delay;
        long nextDue = due;
        for (int next = 2; next <= StoryKeeper.LOOKS; next++) {
            nextDue += delay * StoryKeeper.delaysBeforeLook(next - 1);
            if (nextDue > now) {
                break;
            }
            look = next;
            due = nextDue;
        }
        return new Recheck(due, look, 0, since);
    }

    void put(String storyId, Recheck recheck) {
        forget(storyId);
        pending.put(storyId, recheck);
        byDue.add(new Due(recheck.due(), storyId));
    }

    void remove(String storyId) {
        forget(storyId);
    }

    /** When the story's looks started, or {@link StoryCodec#NOT_LOOKING} when it is not looking. */
    long since(String storyId) {
        Recheck recheck = pending.get(storyId);
        return recheck == null ? StoryCodec.NOT_LOOKING : recheck.since();
    }

    /**
     * The rechecks due at {@code wallClock}, in story id order (the order a scan of a store gave them before; the
     * order in which stories look decides which of several twins pair first).
     */
    List<KeyValue<String, Recheck>> due(long wallClock) {
        List<KeyValue<String, Recheck>> due = new ArrayList<>();
        for (Due d : byDue.headSet(new Due(wallClock + 1, ""), false)) { // "" sorts first: every due <= wallClock
            due.add(KeyValue.pair(d.storyId(), pending.get(d.storyId())));
        }
        due.sort(Comparator.comparing(kv -> kv.key));
        return due;
    }

    /** How many stories are looking. */
    int size() {
        return pending.size();
    }

    private void forget(String storyId) {
        Recheck old = pending.remove(storyId);
        if (old != null) {
            byDue.remove(new Due(old.due(), storyId));
        }
    }
}
