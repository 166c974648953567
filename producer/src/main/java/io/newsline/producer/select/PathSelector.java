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

    private final List<Rule> includes;
    private final List<Rule> excludes;

    private PathSelector(List<Rule> includes, List<Rule> excludes) {
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

    private static boolean matchesAny(List<Rule> rules, Path path) {
        for (Rule rule : rules) {
            if (rule.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** One pattern; each file of a large tree is matched against every one, so common forms skip the regex. */
    private interface Rule {
        boolean matches(Path relative);
    }

    /** Characters with a meaning in a glob; a pattern without them (but for a leading or trailing *) is literal. */
    private static final String GLOB_SPECIAL = "*?[]{}\\";

    private static List<Rule> compile(List<String> globs) {
        FileSystem fs = FileSystems.getDefault();
        List<Rule> rules = new ArrayList<>();
        for (String glob : globs) {
            PathMatcher matcher;
            try {
                matcher = fs.getPathMatcher("glob:" + glob); // also validates the forms handled below
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + glob + "' is not a valid glob pattern: " + e.getDescription());
            }
            String name = glob.startsWith("**/") ? glob.substring(3) : null;
            if (name != null && name.equals("*")) {
                // Any file at any depth: every (non-empty) relative path.
                rules.add(path -> true);
            } else if (name != null && name.indexOf('/') < 0 && !name.contains("**")) {
                // "**/NAME" or, at the top, "NAME": NAME cannot match a '/', so it is the last element that must
                // match, at whatever depth.
                rules.add(nameRule(fs, name));
            } else {
                rules.add(matcher::matches);
                if (name != null) {
                    rules.add(fs.getPathMatcher("glob:" + name)::matches);
                }
            }
        }
        return List.copyOf(rules);
    }

    private static Rule nameRule(FileSystem fs, String name) {
        if (name.length() > 1 && name.startsWith("*") && isLiteral(name.substring(1))) {
            String end = name.substring(1);
            return path -> lastName(path).endsWith(end); // e.g. *.tmp
        }
        if (name.length() > 1 && name.endsWith("*") && isLiteral(name.substring(0, name.length() - 1))) {
            String start = name.substring(0, name.length() - 1);
            return path -> lastName(path).startsWith(start); // e.g. .*
        }
        PathMatcher matcher = fs.getPathMatcher("glob:" + name);
        return path -> {
            Path last = path.getFileName();
            return last != null && matcher.matches(last);
        };
    }

    private static boolean isLiteral(String text) {
        return text.chars().noneMatch(c -> GLOB_SPECIAL.indexOf(c) >= 0);
    }

    private static String lastName(Path path) {
        Path last = path.getFileName();
        return last == null ? "" : last.toString();
    }
}
