package io.newsline.producer.select;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Lists the selected files under a directory, recursively, in path order. Symbolic links to files are listed
 * (the reader follows them); links to directories are not followed, which keeps link cycles harmless.
 * Directories and files that cannot be listed are returned as problems, not skipped silently.
 */
public final class FileWalker {
    /** A file to read, with the size the directory listing gave (for progress totals). */
    public record Candidate(Path path, long sizeBytes) {}

    /** Something under the directory that could not be listed. */
    public record Problem(Path path, String detail) {}

    public record Walk(List<Candidate> files, List<Problem> problems) {
        public long totalBytes() {
            return files.stream().mapToLong(Candidate::sizeBytes).sum();
        }
    }

    private FileWalker() {}

    public static Walk walk(Path root, PathSelector selector) {
        List<Candidate> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                /** The directories being visited, relative to the root: cheaper than relativizing every file. */
                private final Deque<Path> relativeDirs = new ArrayDeque<>();

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path relative = root.relativize(dir);
                    if (selector.skipsDirectory(relative)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    relativeDirs.push(relative);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path dir = relativeDirs.peek();
                    Path relative = dir == null
                            ? root.relativize(file)
                            : dir.toString().isEmpty() ? file.getFileName() : dir.resolve(file.getFileName());
                    if (selector.selects(relative)) {
                        files.add(new Candidate(file, attrs.isSymbolicLink() ? 0 : attrs.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new Problem(file, "cannot be listed: " + e));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    relativeDirs.pop();
                    if (e != null) {
                        problems.add(new Problem(dir, "could not be listed completely: " + e));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // walkFileTree reports per-entry failures to the visitor; this is only reached for the root itself.
            problems.add(new Problem(root, "cannot be listed: " + e));
        }
        files.sort(Comparator.comparing(Candidate::path));
        return new Walk(List.copyOf(files), List.copyOf(problems));
    }
}
