package io.newsline.streams.story;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stories of one keeper task waiting for a merge recheck: the {@code story-recheck} store (story id -> when the
 * next look is due, looks and waits; changelogged, the only durable copy) and the same entries in memory, ordered
 * by due time, read from the store when the task starts.
 *
 * <p>Why in memory too: the recheck punctuation runs every second in every keeper task, and scanning and decoding
 * the whole store each time to find the few entries due (a story waits up to 40 delays and looks three times, so
 * hundreds are pending under load) cost more than the looks. All writes go through here, so both copies hold the
 * same entries; the task's {@code init} (after a restore, a restart or a revived task) builds a new schedule from the
 * store.
 */
final class RecheckSchedule {
    /** When a story's next look is due (wall clock), how many looks it took and how many times it waited. */
    record Recheck(long due, int looks, int waits) {
        byte[] encode() {
            return ByteBuffer.allocate(Long.BYTES + 2 * Integer.BYTES)
                    .putLong(due)
                    .putInt(looks)
                    .putInt(waits)
                    .array();
        }

        static Recheck decode(byte[] value) {
            ByteBuffer buffer = ByteBuffer.wrap(value);
            return new Recheck(buffer.getLong(), buffer.getInt(), buffer.getInt());
        }
    }

    private record Due(long due, String storyId) {}

    private static final Comparator<Due> BY_TIME_THEN_ID =
            Comparator.comparingLong(Due::due).thenComparing(Due::storyId);

    private final KeyValueStore<String, byte[]> store;
    private final Map<String, Recheck> pending = new HashMap<>();
    private final NavigableSet<Due> byDue = new TreeSet<>(BY_TIME_THEN_ID);

    RecheckSchedule(KeyValueStore<String, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                remember(kv.key, Recheck.decode(kv.value));
            }
        }
    }

    void put(String storyId, Recheck recheck) {
        store.put(storyId, recheck.encode());
        forget(storyId);
        remember(storyId, recheck);
    }

    void remove(String storyId) {
        if (forget(storyId)) {
            store.delete(storyId);
        }
    }

    /**
     * The rechecks due at {@code wallClock}, in story id order (the order a scan of the store gave them before; the
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

    /** How many stories wait for a recheck. */
    int size() {
        return pending.size();
    }

    private void remember(String storyId, Recheck recheck) {
        pending.put(storyId, recheck);
        byDue.add(new Due(recheck.due(), storyId));
    }

    private boolean forget(String storyId) {
        Recheck old = pending.remove(storyId);
        if (old != null) {
            byDue.remove(new Due(old.due(), storyId));
        }
        return old != null;
    }
}
