package io.newsline.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/** The demo's progress lines on stderr, each with the seconds since the demo started: {@code demo [ 1.2 s] ...}. */
final class DemoProgress implements Consumer<String> {
    private final PrintWriter err;
    private final long startNanos = System.nanoTime();

    DemoProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void accept(String message) {
        err.printf(Locale.ROOT, "demo [%5.1f s] %s%n", seconds(), message);
        err.flush();
    }

    /** The last line: how long the whole demo took. */
    void done() {
        accept(String.format(Locale.ROOT, "done in %.1f s", seconds()));
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
