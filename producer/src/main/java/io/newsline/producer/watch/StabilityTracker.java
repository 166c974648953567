package io.newsline.producer.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Holds back files that changed recently until they have been quiet (same size and modification time, no new
 * change event) for a while, so a file still being written is not read half-way. Time is passed in (nanoseconds
 * of any monotonic clock) and file state comes from a function, so the logic is testable without waiting.
 */
public final class StabilityTracker {
    /** What the file system says about a file; equal snapshots mean nothing observable changed. */
    public record FileState(long sizeBytes, long modifiedMillis) {}

    private record Pending(FileState state, long quietSinceNanos) {}

    private final long quietNanos;
    private final Function<Path, Optional<FileState>> stat;
    private final Map<Path, Pending> pending = new LinkedHashMap<>();

    /**
     * @param quietPeriod how long a file must stay unchanged before it is ready
     * @param stat the file's current state, or empty if it no longer exists
     */
    public StabilityTracker(Duration quietPeriod, Function<Path, Optional<FileState>> stat) {
        this.quietNanos = quietPeriod.toNanos();
        this.stat = stat;
    }

    /** Records that a file was created or changed now; its quiet period starts again. */
    public void changed(Path file, long nowNanos) {
        stat.apply(file).ifPresent(state -> pending.put(file, new Pending(state, nowNanos)));
    }

    /**
     * The files that have been quiet for the whole period; they are forgotten, so each change yields a file once.
     * A file that changed since it was last looked at starts its quiet period again; one that vanished (e.g.
     * renamed away) is dropped.
     */
    public List<Path> ready(long nowNanos) {
        List<Path> ready = new ArrayList<>();
        for (Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Pending> entry = it.next();
            Pending before = entry.getValue();
            if (nowNanos - before.quietSinceNanos < quietNanos) {
                continue;
            }
            Optional<FileState> now = stat.apply(entry.getKey());
            if (now.isEmpty()) {
                it.remove();
            } else if (!now.get().equals(before.state)) {
                entry.setValue(new Pending(now.get(), nowNanos));
            } else {
                ready.add(entry.getKey());
                it.remove();
            }
        }
        return ready;
    }

    /** How long until the next file may become ready, or empty if none is waiting. */
    public Optional<Duration> timeUntilNextCheck(long nowNanos) {
        return pending.values().stream()
                .mapToLong(p -> Math.max(0, p.quietSinceNanos + quietNanos - nowNanos))
                .min()
                .stream()
                .mapToObj(Duration::ofNanos)
                .findFirst();
    }

    public int pendingCount() {
        return pending.size();
    }
}
