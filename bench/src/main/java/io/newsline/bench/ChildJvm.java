package io.newsline.bench;

import io.newsline.common.JavaRuntimes;
import io.newsline.local.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Java program the bench runs as a child process, its output in a log file, stopped with SIGTERM. */
final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** @param arguments JVM options, then the main class or -jar, then the program's arguments */
    static ChildJvm start(String name, List<String> arguments, Path workDir, Path log) {
        List<String> command = new ArrayList<>();
        command.add(JavaRuntimes.current().javaExecutable().toString());
        command.addAll(arguments);
        try {
            java.nio.file.Files.createDirectories(log.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create " + log.getParent(), e);
        }
        return new ChildJvm(name, Processes.launch(command, workDir, log, false), log);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    String name() {
        return name;
    }

    /** Runs to its end (no more than {@code timeout}); its exit status. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    name + " did not finish within " + timeout.toSeconds() + " s; its log: " + log);
        }
        return process.exitValue();
    }

    /** SIGTERM and a wait for a clean exit; true if it exited by itself within {@code grace}. */
    boolean stop(Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Processes.stop(process.toHandle(), Duration.ofSeconds(5));
        return false;
    }

    String tail() {
        return Processes.tail(log, 20);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
