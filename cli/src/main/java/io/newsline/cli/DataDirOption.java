package io.newsline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir} of the commands that keep data and logs on this machine ({@code demo}, {@code local}). */
final class DataDirOption {
    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where data, logs and PID files go (default: .newsline/ in the repository; env"
                    + " NEWSLINE_DATA_DIR): demo uses DIR/demo, emptied at each run; local uses DIR/local, kept.")
    Path dataDir;

    /** {@code DIR/name}: where one command keeps its files. */
    Path resolve(String name) {
        return Places.dataDir(dataDir).resolve(name);
    }
}
