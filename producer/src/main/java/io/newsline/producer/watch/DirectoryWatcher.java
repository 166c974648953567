package io.newsline.producer.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.newsline.producer.select.FileWalker;
import io.newsline.producer.select.PathSelector;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches directory trees and hands over each selected file once it was created or changed and has then been
 * quiet for a while (see {@link StabilityTracker}), so half-written files are not read. Writers that can should
 * still write under a name the selector excludes ({@code *.tmp}, {@code *.part}, a dot-file) and rename the file
 * when done: the rename is atomic and the file is complete when it first appears under its real name.
 *
 * <p>New subdirectories are watched as they appear; files already in them are picked up. If the operating
 * system drops events (overflow), the trees are scanned again; the caller skips content it already sent.
 * {@link #run} blocks until {@link #stop} is called from another thread.
 */
public final class DirectoryWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DirectoryWatcher.class);

    /** With nothing pending, wake up this often anyway; {@link #stop} does not depend on it. */
    private static final long IDLE_POLL_MILLIS = 1_000;

    private record Watched(Path root, Path dir) {}

    private final List<Path> roots;
    private final PathSelector selector;
    private final StabilityTracker tracker;
    private final LongSupplier nanoClock;
    private final BiConsumer<Path, String> onProblem;
    private final WatchService service;
    private final Map<WatchKey, Watched> keys = new HashMap<>();
    private volatile boolean stopped;

    /**
     * Starts watching at once: every change from the moment this returns is seen.
     *
     * @param onProblem told about directories that cannot be watched, with the reason
     */
    public DirectoryWatcher(
            List<Path> roots,
            PathSelector selector,
            Duration quietPeriod,
            LongSupplier nanoClock,
            BiConsumer<Path, String> onProblem)
            throws IOException {
        this.roots = List.copyOf(roots);
        this.selector = selector;
        this.tracker = new StabilityTracker(quietPeriod, DirectoryWatcher::stat);
        this.nanoClock = nanoClock;
        this.onProblem = onProblem;
        this.service = roots.get(0).getFileSystem().newWatchService();
        try {
            for (Path root : this.roots) {
                registerTree(root, root, false);
            }
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** Hands each ready file to {@code onReady}, on the calling thread, until {@link #stop}. */
    public void run(Consumer<Path> onReady) {
        try {
            while (!stopped) {
                long timeout = tracker.timeUntilNextCheck(nanoClock.getAsLong())
                        .map(d -> Math.max(1, d.toMillis()))
                        .orElse(IDLE_POLL_MILLIS);
                WatchKey key = service.poll(timeout, TimeUnit.MILLISECONDS);
                while (key != null) {
                    handle(key);
                    key = service.poll();
                }
                for (Path file : tracker.ready(nanoClock.getAsLong())) {
                    if (stopped) {
                        return;
                    }
                    log.debug("Ready: {}", file);
                    onReady.accept(file);
                }
            }
        } catch (ClosedWatchServiceException e) {
            // stop() closed the service to wake us up.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes {@link #run} return soon, from any thread; files still in their quiet period are not handed over. */
    public void stop() {
        stopped = true;
        close();
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            log.debug("Closing the watch service failed", e);
        }
    }

    /** Files seen changing that are still waiting for their quiet period to end. */
    public int pendingCount() {
        return tracker.pendingCount();
    }

    private void handle(WatchKey key) {
        Watched watched = keys.get(key);
        long now = nanoClock.getAsLong();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || watched == null) {
                log.warn("File change events were lost; scanning the watched directories again");
                rescan(now);
                continue;
            }
            Path child = watched.dir().resolve((Path) event.context());
            Path relative = watched.root().relativize(child);
            log.debug("{} {} (x{})", event.kind(), child, event.count());
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                if (event.kind() == ENTRY_CREATE && !selector.skipsDirectory(relative)) {
                    registerTreeReporting(watched.root(), child);
                }
            } else if (selector.selects(relative)) {
                tracker.changed(child, now);
            }
        }
        if (!key.reset()) {
            keys.remove(key); // the directory is gone
        }
    }

    private void rescan(long now) {
        for (Path root : roots) {
            FileWalker.Walk walk = FileWalker.walk(root, selector);
            walk.files().forEach(file -> tracker.changed(file.path(), now));
            walk.problems().forEach(problem -> onProblem.accept(problem.path(), problem.detail()));
        }
    }

    private void registerTreeReporting(Path root, Path dir) {
        try {
            registerTree(root, dir, true);
        } catch (IOException e) {
            onProblem.accept(dir, "cannot be watched: " + e);
        }
    }

    /**
     * Watches {@code dir} and the directories under it. For a directory that appeared while watching, files in it
     * may have been written before it was watched, so they are tracked too.
     */
    private void registerTree(Path root, Path dir, boolean trackFiles) throws IOException {
        long now = nanoClock.getAsLong();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (selector.skipsDirectory(root.relativize(d))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                keys.put(d.register(service, ENTRY_CREATE, ENTRY_MODIFY), new Watched(root, d));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (trackFiles && selector.selects(root.relativize(file))) {
                    tracker.changed(file, now);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!(e instanceof NoSuchFileException)) {
                    onProblem.accept(file, "cannot be watched: " + e);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Optional<StabilityTracker.FileState> stat(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new StabilityTracker.FileState(
                    attrs.size(), attrs.lastModifiedTime().toMillis()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // Hand it over anyway: the reader reports why it cannot be read rather than it vanishing silently.
            return Optional.of(new StabilityTracker.FileState(-1, -1));
        }
    }
}
