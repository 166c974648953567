package io.newsline.producer;

import io.newsline.producer.select.FileWalker;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads a list of files on a few threads ahead of the thread that sends them, and hands the results back in the
 * list's order, so records go out in the same order as when one thread did everything. Reading, decoding and
 * hashing are most of a file's cost, while sending is asynchronous: with the reads overlapped, the sending thread
 * no longer waits for the disk or leaves a core idle.
 *
 * <p>It looks ahead by at most {@code maxFiles} files and {@code maxBytes} of their listed sizes (but always at
 * least one file), so the memory held stays bounded whatever the files. The threads are daemons and end with
 * {@link #close}; reads not taken by then are cancelled.
 */
final class ReadAhead<T> implements AutoCloseable {
    /** Enough reader threads to keep the sender busy; more only contend for the same disk and cores. */
    static final int DEFAULT_THREADS = Integer.getInteger(
            "newsline.produce.readers",
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));

    static final int DEFAULT_MAX_FILES = 64;
    static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final List<FileWalker.Candidate> files;
    private final Function<Path, T> read;
    private final int maxFiles;
    private final long maxBytes;
    private final ExecutorService executor;
    private final ArrayDeque<Future<T>> ahead = new ArrayDeque<>();
    private int submitted;
    private int taken;
    private long bytesAhead;

    ReadAhead(List<FileWalker.Candidate> files, Function<Path, T> read) {
        this(files, read, DEFAULT_THREADS, DEFAULT_MAX_FILES, DEFAULT_MAX_BYTES);
    }

    ReadAhead(List<FileWalker.Candidate> files, Function<Path, T> read, int threads, int maxFiles, long maxBytes) {
        this.files = files;
        this.read = read;
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "newsline-produce-read-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true); // never keeps the JVM alive
            return thread;
        });
    }

    /**
     * The next file's result, waiting for its read if need be.
     *
     * @throws InterruptedException if this thread is interrupted while waiting
     * @throws NoSuchElementException if every file was taken
     */
    T next() throws InterruptedException {
        if (taken >= files.size()) {
            throw new NoSuchElementException("every file was taken");
        }
        readAhead();
        Future<T> result = ahead.removeFirst();
        bytesAhead -= files.get(taken).sizeBytes();
        taken++;
        readAhead(); // refill the freed place before waiting, so the readers keep going meanwhile
        try {
            return result.get();
        } catch (ExecutionException e) {
            // The reader reports bad input as a result; what it throws is a bug or the JVM failing: pass it on.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void readAhead() {
        while (submitted < files.size()) {
            FileWalker.Candidate file = files.get(submitted);
            boolean room = ahead.size() < maxFiles && bytesAhead + file.sizeBytes() <= maxBytes;
            if (!ahead.isEmpty() && !room) {
                return;
            }
            ahead.addLast(executor.submit(() -> read.apply(file.path())));
            bytesAhead += file.sizeBytes();
            submitted++;
        }
    }

    /** Files handed to the readers but not taken yet. */
    int ahead() {
        return ahead.size();
    }

    @Override
    public void close() {
        ahead.forEach(result -> result.cancel(false));
        ahead.clear();
        executor.shutdownNow();
    }
}
