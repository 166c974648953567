package io.newsline.producer.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StabilityTrackerTest {
    private static final long MS = 1_000_000L;
    private final Map<Path, StabilityTracker.FileState> files = new HashMap<>();
    private final StabilityTracker tracker =
            new StabilityTracker(Duration.ofMillis(500), path -> Optional.ofNullable(files.get(path)));
    private final Path a = Path.of("a.txt");
    private final Path b = Path.of("b.txt");

    @Test
    void fileIsReadyOnceItStayedUnchangedForTheQuietPeriod() {
        files.put(a, new StabilityTracker.FileState(10, 1));
        tracker.changed(a, 0);

        assertThat(tracker.ready(499 * MS)).isEmpty();
        assertThat(tracker.timeUntilNextCheck(499 * MS)).contains(Duration.ofMillis(1));
        assertThat(tracker.ready(500 * MS)).containsExactly(a);
        assertThat(tracker.ready(2000 * MS)).as("handed over once").isEmpty();
        assertThat(tracker.timeUntilNextCheck(2000 * MS)).isEmpty();
    }

    @Test
    void aFileStillGrowingWaitsAnotherQuietPeriod() {
        files.put(a, new StabilityTracker.FileState(10, 1));
        tracker.changed(a, 0);
        files.put(a, new StabilityTracker.FileState(20, 1)); // written to without us hearing of it

        assertThat(tracker.ready(600 * MS)).isEmpty();
        assertThat(tracker.ready(1099 * MS)).isEmpty();
        assertThat(tracker.ready(1100 * MS)).containsExactly(a);
    }

    @Test
    void aNewChangeEventRestartsTheQuietPeriod() {
        files.put(a, new StabilityTracker.FileState(10, 1));
        tracker.changed(a, 0);
        tracker.changed(a, 400 * MS);

        assertThat(tracker.ready(600 * MS)).isEmpty();
        assertThat(tracker.ready(900 * MS)).containsExactly(a);
    }

    @Test
    void aFileThatVanishedIsDropped() {
        files.put(a, new StabilityTracker.FileState(10, 1));
        tracker.changed(a, 0);
        files.remove(a); // e.g. a temporary file renamed away

        assertThat(tracker.ready(600 * MS)).isEmpty();
        assertThat(tracker.pendingCount()).isZero();
    }

    @Test
    void filesBecomeReadyIndependently() {
        files.put(a, new StabilityTracker.FileState(1, 1));
        files.put(b, new StabilityTracker.FileState(1, 1));
        tracker.changed(a, 0);
        tracker.changed(b, 300 * MS);

        assertThat(tracker.ready(500 * MS)).containsExactly(a);
        assertThat(tracker.timeUntilNextCheck(500 * MS)).contains(Duration.ofMillis(300));
        assertThat(tracker.ready(800 * MS)).containsExactly(b);
    }
}
