package io.newsline.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Fresh Kafka Streams state directories for TopologyTestDriver runs, deleted when the JVM exits. */
final class TestStateDirs {
    private TestStateDirs() {}

    static String fresh() {
        try {
            java.io.File dir = Files.createTempDirectory("newsline-ttd-").toFile();
            dir.deleteOnExit();
            return dir.getAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
