package io.newsline.producer.select;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Chooses the files of a directory by glob patterns matched against each file's path relative to that
 * directory (Java {@code glob:} syntax, {@code /} as separator). A file is selected when an include pattern
 * matches and no exclude pattern does; a directory matched by an exclude pattern is not entered at all.
 *
 * <p>Unlike plain Java globs, a pattern starting with {@code **}{@code /} also matches at the top level, so
 * {@code **}{@code /*.txt} selects {@code a.txt} as well as {@code sub/a.txt}, as in Ant or Git.
 */
public final class PathSelector {
    public static final List<String> DEFAULT_INCLUDES = List.of("**/*");

    /**
     * Hidden files and directories, and the names writers use for files they have not finished: {@code *.tmp},
     * {@code *.part}. Writing under such a name and renaming when done is the way to hand over a file.
     */
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/.*", "**/*.tmp", "**/*.part");

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    private PathSelector(List<PathMatcher> includes, List<PathMatcher> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /**
     * @param includes patterns of files to take; empty means {@link #DEFAULT_INCLUDES}
     * @param excludes patterns of files and directories to leave out, in addition to the default ones
     * @param defaultExcludes whether {@link #DEFAULT_EXCLUDES} apply
     * @throws IllegalArgumentException if a pattern is not a valid glob
     */
    public static PathSelector of(List<String> includes, List<String> excludes, boolean defaultExcludes) {
        List<String> allExcludes = new ArrayList<>(defaultExcludes ? DEFAULT_EXCLUDES : List.of());
        allExcludes.addAll(excludes);
        return new PathSelector(compile(includes.isEmpty() ? DEFAULT_INCLUDES : includes), compile(allExcludes));
    }

    public static PathSelector defaults() {
        return of(List.of(), List.of(), true);
    }

    /** Whether a file, given relative to the directory being searched, is selected. */
    public boolean selects(Path relativeFile) {
        return matchesAny(includes, relativeFile) && !matchesAny(excludes, relativeFile);
    }

    /** Whether a directory, given relative to the directory being searched, is to be skipped entirely. */
    public boolean skipsDirectory(Path relativeDirectory) {
        return !relativeDirectory.toString().isEmpty() && matchesAny(excludes, relativeDirectory);
    }

    private static boolean matchesAny(List<PathMatcher> matchers, Path path) {
        for (PathMatcher matcher : matchers) {
            if (matcher.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathMatcher> compile(List<String> globs) {
        FileSystem fs = FileSystems.getDefault();
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            try {
                matchers.add(fs.getPathMatcher("glob:" + glob));
                if (glob.startsWith("**/")) {
                    matchers.add(fs.getPathMatcher("glob:" + glob.substring(3)));
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + glob + "' is not a valid glob pattern: " + e.getDescription());
            }
        }
        return List.copyOf(matchers);
    }
}
