package io.newsline.producer;

import io.newsline.producer.read.FailureReason;
import io.newsline.producer.select.FileWalker;
import io.newsline.producer.select.PathSelector;
import io.newsline.producer.watch.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the producer: the files named or found under the given directories, each once, or with
 * {@code watch} the files there now and then every new or changed one until {@link #stop}. Whatever happens,
 * the publisher is flushed and closed at the end, so every record handed over has an outcome in the summary.
 */
public final class ProduceRun {
    private static final Logger log = LoggerFactory.getLogger(ProduceRun.class);

    /** How long to let pending sends finish when the run is stopped before its end. */
    static final Duration STOP_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** How a run ended. */
    public enum Ending {
        /** Every file was processed (or, watching, the run was stopped as intended). */
        COMPLETED,
        /** Stopped before every listed file was read. */
        STOPPED,
        /** Nothing could be sent (see {@link ArticlePublisher.SendingImpossibleException}). */
        SENDING_IMPOSSIBLE
    }

    /**
     * @param paths files and directories; with {@code watch}, directories only
     * @param quietPeriod with {@code watch}: how long a file must stay unchanged before it is read
     */
    public record Options(List<Path> paths, PathSelector selector, boolean watch, Duration quietPeriod) {}

    private final Options options;
    private final FileProcessor processor;
    private final ArticlePublisher publisher;
    private final RunSummary summary;
    private final ProgressReporter progress;
    private final LongSupplier nanoClock;
    private final CountDownLatch watching = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile DirectoryWatcher watcher;
    private volatile String failure;

    /** @param publisher the publisher the processor sends through (closed at the end), or null in a dry run */
    public ProduceRun(
            Options options,
            FileProcessor processor,
            ArticlePublisher publisher,
            RunSummary summary,
            ProgressReporter progress,
            LongSupplier nanoClock) {
        this.options = options;
        this.processor = processor;
        this.publisher = publisher;
        this.summary = summary;
        this.progress = progress;
        this.nanoClock = nanoClock;
    }

    public Ending run() throws IOException {
        Ending ending = Ending.COMPLETED;
        try {
            if (options.watch()) {
                watch();
            } else if (!processAll(listFiles())) {
                ending = Ending.STOPPED;
            }
        } catch (ArticlePublisher.SendingImpossibleException e) {
            failure = e.getMessage();
            ending = Ending.SENDING_IMPOSSIBLE;
        } finally {
            watching.countDown(); // nobody waits forever for a run that ended early
            closePublisher();
            progress.finish();
            summary.finish();
        }
        return ending;
    }

    /** Why sending was impossible, if the run ended with {@link Ending#SENDING_IMPOSSIBLE}. */
    public String failure() {
        return failure;
    }

    /** Asks the run to finish soon, from any thread: no new file is read; what was sent is flushed. */
    public void stop() {
        stopRequested = true;
        DirectoryWatcher current = watcher;
        if (current != null) {
            current.stop();
        }
    }

    /** Fails whatever is still unsent at once; for a shutdown that cannot wait for the brokers any longer. */
    public void abortPendingSends() {
        if (publisher != null) {
            publisher.close(Duration.ZERO);
        }
    }

    /**
     * Waits until a watching run has handled the files already there and watches for changes (true), or the run
     * ended or the time ran out (false).
     */
    public boolean awaitWatching(Duration timeout) throws InterruptedException {
        return watching.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && watcher != null && !stopRequested;
    }

    private List<FileWalker.Candidate> listFiles() {
        List<FileWalker.Candidate> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        int problems = 0;
        for (Path path : options.paths()) {
            List<FileWalker.Candidate> found;
            if (Files.isDirectory(path)) {
                FileWalker.Walk walk = FileWalker.walk(path, options.selector());
                walk.problems().forEach(p -> processor.fail(p.path(), FailureReason.UNREADABLE, p.detail(), 0));
                problems += walk.problems().size();
                found = walk.files();
            } else {
                // Named explicitly: taken whatever the patterns say; the reader reports it if it is unusable.
                found = List.of(new FileWalker.Candidate(path, sizeOrZero(path)));
            }
            for (FileWalker.Candidate candidate : found) {
                if (seen.add(candidate.path().toAbsolutePath().normalize())) {
                    files.add(candidate);
                }
            }
        }
        progress.total(
                files.size() + problems,
                files.stream().mapToLong(FileWalker.Candidate::sizeBytes).sum());
        progress.tick();
        return files;
    }

    /** @return false if stopped before the end */
    private boolean processAll(List<FileWalker.Candidate> files) {
        // Files are read on other threads ahead of this one, which sends them in the listed order.
        try (ReadAhead<FileProcessor.Read> reads = new ReadAhead<>(files, processor::read)) {
            for (int i = 0; i < files.size(); i++) {
                if (stopRequested) {
                    summary.notRead(files.size() - i);
                    return false;
                }
                FileProcessor.Read read;
                try {
                    read = reads.next();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    summary.notRead(files.size() - i);
                    return false;
                }
                try {
                    processor.handle(files.get(i).path(), read);
                } catch (ArticlePublisher.SendingImpossibleException e) {
                    summary.notRead(files.size() - i - 1);
                    throw e;
                }
            }
        }
        return true;
    }

    private void watch() throws IOException {
        DirectoryWatcher current = new DirectoryWatcher(
                options.paths(),
                options.selector(),
                options.quietPeriod(),
                nanoClock,
                (path, detail) -> processor.fail(path, FailureReason.UNREADABLE, detail, 0));
        watcher = current;
        try {
            if (stopRequested) {
                return; // stop() may have run before the watcher existed
            }
            // Watching started before this listing, so a file written meanwhile is seen at least once; one seen
            // twice is recognised by its content and not sent again.
            for (Path root : options.paths()) {
                FileWalker.Walk walk = FileWalker.walk(root, options.selector());
                walk.problems().forEach(p -> processor.fail(p.path(), FailureReason.UNREADABLE, p.detail(), 0));
                if (!processAll(walk.files())) {
                    return;
                }
            }
            watching.countDown();
            progress.notice("Watching " + options.paths() + " for new and changed files; stop with Ctrl-C");
            current.run(processor::process);
            if (current.pendingCount() > 0) {
                // Seen changing but not yet quiet when stopped: say so rather than drop them silently.
                summary.notRead(current.pendingCount());
            }
        } finally {
            current.close();
        }
    }

    private void closePublisher() {
        if (publisher == null) {
            return;
        }
        try {
            if (stopRequested) {
                publisher.close(STOP_CLOSE_TIMEOUT);
            } else {
                publisher.flush();
                publisher.close(STOP_CLOSE_TIMEOUT);
            }
        } catch (RuntimeException e) {
            log.warn("Closing the Kafka producer failed", e);
        }
    }

    private static long sizeOrZero(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
