package io.newsline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A program of the local stack (the Kafka broker, the schema registry) run as a child process: its files live in
 * the stack directory as {@code <id>.log} and {@code <id>.pid}, and its command line carries a marker argument
 * so that a PID file is never taken for an unrelated process that got the same PID.
 */
public abstract class LocalService {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path dir;
    private final String id;
    private final String name;

    protected LocalService(Path dir, String id, String name) {
        this.dir = dir.toAbsolutePath().normalize();
        this.id = id;
        this.name = name;
    }

    /** Short name for files, e.g. {@code kafka}. */
    public String id() {
        return id;
    }

    /** What people call it, e.g. {@code Kafka broker}. */
    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    public Path logFile() {
        return dir.resolve(id + ".log");
    }

    public Path pidFile() {
        return dir.resolve(id + ".pid");
    }

    /** The argument that tells our process apart from any other with the same PID. */
    public String marker() {
        return "-Dnewsline.service=" + id + "@" + dir;
    }

    /**
     * Where this program's class-data-sharing archive goes ({@link Processes#classDataSharing}): next to the stack
     * directory, in {@code cache/}, so that a demo, which empties its directory at each run, keeps it too.
     */
    protected Path classDataArchive(String name) {
        Path parent = dir.getParent() == null ? dir : dir.getParent();
        return parent.resolve("cache").resolve(name + ".jsa");
    }

    /** Where clients connect, e.g. {@code 127.0.0.1:9092}. */
    public abstract String endpoint();

    /** Every TCP port it listens on that must be free before it starts. */
    public abstract List<Integer> ports();

    /** Writes its configuration (and formats storage) before the first start; idempotent. */
    protected abstract void prepare() throws IOException;

    /** The command line; must contain {@link #marker()}. */
    protected abstract List<String> command();

    /** Whether it serves clients now; {@code logFrom} is where this start's output begins in the log. */
    protected abstract boolean ready(long logFrom) throws IOException;

    protected abstract Duration startTimeout();

    /** The process from the PID file, if it is alive and ours. */
    public Optional<ProcessHandle> running() {
        return Processes.fromPidFile(pidFile(), marker());
    }

    /**
     * Starts the process, records its PID, and returns once it serves clients.
     *
     * @param detached whether it must outlive this JVM ({@code local up})
     * @throws ServiceException saying what failed and where the log is
     */
    public ProcessHandle start(boolean detached) {
        try {
            Files.createDirectories(dir);
            for (int port : ports()) {
                if (!Processes.portFree(port)) {
                    throw new ServiceException(
                            this, "port " + port + " on 127.0.0.1 is already in use (by another program?)", false);
                }
            }
            try {
                prepare();
            } catch (IllegalStateException e) {
                throw new ServiceException(this, "cannot start: " + e.getMessage(), false);
            }
            long logFrom = Files.exists(logFile()) ? Files.size(logFile()) : 0;
            Process process = Processes.launch(command(), dir, logFile(), detached);
            Processes.writePid(pidFile(), process.pid());
            awaitReady(process, logFrom);
            return process.toHandle();
        } catch (IOException e) {
            throw new ServiceException(this, e.toString(), true);
        } catch (UncheckedIOException e) {
            throw new ServiceException(this, e.getMessage(), true);
        }
    }

    private void awaitReady(Process process, long logFrom) throws IOException {
        long deadline = System.nanoTime() + startTimeout().toNanos();
        while (true) {
            if (!process.isAlive()) {
                deletePidFile();
                throw new ServiceException(this, "exited with status " + process.exitValue() + " while starting", true);
            }
            if (ready(logFrom)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                Processes.stop(process.toHandle(), Duration.ofSeconds(10));
                deletePidFile();
                throw new ServiceException(
                        this, "did not get ready within " + startTimeout().toSeconds() + " s and was stopped", true);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Processes.stop(process.toHandle(), Duration.ofSeconds(10));
                deletePidFile();
                Thread.currentThread().interrupt();
                throw new ServiceException(this, "interrupted while starting; stopped", false);
            }
        }
    }

    /**
     * Stops the process if it runs (SIGTERM, then SIGKILL after a grace period) and removes the PID file.
     *
     * @return the PID that was stopped, if one ran
     */
    public Optional<Long> stop() {
        Optional<ProcessHandle> process = running();
        process.ifPresent(handle -> {
            if (!Processes.stop(handle, STOP_GRACE)) {
                throw new ServiceException(this, "process " + handle.pid() + " did not stop, even when killed", false);
            }
        });
        deletePidFile();
        return process.map(ProcessHandle::pid);
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // A stale PID file is harmless: its PID is checked against the marker before use.
        }
    }

    /** Reads this start's part of the log. */
    protected String logSince(long from) throws IOException {
        if (!Files.exists(logFile())) {
            return "";
        }
        byte[] all = Files.readAllBytes(logFile());
        int start = (int) Math.min(from, all.length);
        return new String(all, start, all.length - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A service that could not be started or stopped, with where to look. */
    public static final class ServiceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient LocalService service;

        ServiceException(LocalService service, String problem, boolean showLog) {
            super(service.name() + " " + problem + (problem.endsWith(".") ? "" : ".")
                    + (Files.exists(service.logFile()) ? " Log: " + service.logFile() : "")
                    + (showLog && Files.exists(service.logFile())
                            ? ", last lines:" + System.lineSeparator() + Processes.tail(service.logFile(), 15)
                            : ""));
            this.service = service;
        }

        public LocalService service() {
            return service;
        }
    }
}
