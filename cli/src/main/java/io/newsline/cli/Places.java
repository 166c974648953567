package io.newsline.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where things are by default: the data directory and the sample articles. */
final class Places {
    static final String DATA_DIR_ENV = "NEWSLINE_DATA_DIR";

    private Places() {}

    /**
     * {@code --data-dir}, else {@value #DATA_DIR_ENV}, else {@code .newsline/} in the repository this program was
     * built in (so {@code ./newsline} finds the same directory from anywhere), else in the current directory.
     */
    static Path dataDir(Path option) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String env = System.getenv(DATA_DIR_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env.trim()).toAbsolutePath().normalize();
        }
        return repository()
                .orElse(Path.of(""))
                .resolve(".newsline")
                .toAbsolutePath()
                .normalize();
    }

    /** {@code seeds/} of the repository, else of the current directory. */
    static Path seeds() {
        return repository()
                .map(root -> root.resolve("seeds"))
                .filter(Files::isDirectory)
                .orElse(Path.of("seeds").toAbsolutePath());
    }

    /** The checkout whose {@code cli/target} holds this code, if it is one (it has the launcher script). */
    static Optional<Path> repository() {
        try {
            Path code = Path.of(Places.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // cli/target/newsline.jar or cli/target/classes
            Path root = code.getParent() == null ? null : code.getParent().getParent();
            root = root == null ? null : root.getParent();
            return Optional.ofNullable(root).filter(r -> Files.isRegularFile(r.resolve("newsline")));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
