package io.newsline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The repository the bench runs from: where the corpus, newsline.jar and target/ are found. */
final class Repository {
    /** Set by ./newsline and by the build's integration tests. */
    static final String ROOT_PROPERTY = "newsline.repository.root";

    private Repository() {}

    static Path root() {
        String property = System.getProperty(ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("newsline")) && Files.isRegularFile(at.resolve("pom.xml"))) {
                return at;
            }
        }
        return dir;
    }

    /** The checked-out commit, with "+ local changes" when the work tree differs from it; "unknown" without git. */
    static String commit(Path root) {
        String head = git(root, "rev-parse", "--short=12", "HEAD");
        if (head == null || head.isBlank()) {
            return "unknown";
        }
        String status = git(root, "status", "--porcelain", "--untracked-files=no");
        return head.trim() + (status != null && !status.isBlank() ? " + local changes" : "");
    }

    private static String git(Path root, String... args) {
        try {
            String[] command = new String[args.length + 3];
            command[0] = "git";
            command[1] = "-C";
            command[2] = root.toString();
            System.arraycopy(args, 0, command, 3, args.length);
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
