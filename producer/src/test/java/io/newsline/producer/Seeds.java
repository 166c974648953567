package io.newsline.producer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample articles in the repository's {@code seeds/} directory, read in place. */
final class Seeds {
    private Seeds() {}

    static Path dir() {
        // Failsafe sets the property; surefire runs in the module directory, one level below the root.
        String root = System.getProperty("newsline.repository.root");
        return (root == null || root.isBlank() ? Path.of("..") : Path.of(root))
                .resolve("seeds")
                .toAbsolutePath()
                .normalize();
    }

    static List<Path> files() throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
