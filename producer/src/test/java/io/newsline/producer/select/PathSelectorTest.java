package io.newsline.producer.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PathSelectorTest {
    @Test
    void byDefaultTakesEverythingButHiddenAndUnfinishedFiles() {
        PathSelector selector = PathSelector.defaults();

        assertThat(selector.selects(Path.of("a.txt"))).isTrue();
        assertThat(selector.selects(Path.of("2025/05/story.html"))).isTrue();
        assertThat(selector.selects(Path.of("noextension"))).isTrue();

        assertThat(selector.selects(Path.of(".hidden"))).isFalse();
        assertThat(selector.selects(Path.of("sub/.DS_Store"))).isFalse();
        assertThat(selector.selects(Path.of("story.txt.tmp"))).isFalse();
        assertThat(selector.selects(Path.of("sub/story.txt.part"))).isFalse();
        assertThat(selector.skipsDirectory(Path.of(".git"))).isTrue();
        assertThat(selector.skipsDirectory(Path.of("sub/.cache"))).isTrue();
        assertThat(selector.skipsDirectory(Path.of("sub"))).isFalse();
        assertThat(selector.skipsDirectory(Path.of("")))
                .as("the directory itself")
                .isFalse();
    }

    @Test
    void includePatternWithLeadingDoubleStarAlsoMatchesAtTheTop() {
        PathSelector selector = PathSelector.of(List.of("**/*.txt"), List.of(), true);

        assertThat(selector.selects(Path.of("a.txt"))).isTrue();
        assertThat(selector.selects(Path.of("x/y/a.txt"))).isTrue();
        assertThat(selector.selects(Path.of("a.html"))).isFalse();
    }

    @Test
    void patternWithoutDoubleStarMatchesOnlyAtItsLevel() {
        PathSelector selector = PathSelector.of(List.of("*.txt"), List.of(), true);

        assertThat(selector.selects(Path.of("a.txt"))).isTrue();
        assertThat(selector.selects(Path.of("sub/a.txt"))).isFalse();
    }

    @Test
    void severalIncludesAndExcludes() {
        PathSelector selector =
                PathSelector.of(List.of("**/*.txt", "**/*.{html,htm}"), List.of("drafts/**", "**/*-old.*"), true);

        assertThat(selector.selects(Path.of("news/a.txt"))).isTrue();
        assertThat(selector.selects(Path.of("news/b.htm"))).isTrue();
        assertThat(selector.selects(Path.of("drafts/c.txt"))).isFalse();
        assertThat(selector.selects(Path.of("news/d-old.txt"))).isFalse();
        assertThat(selector.selects(Path.of("news/e.pdf"))).isFalse();
    }

    @Test
    void excludedDirectoryIsNotEntered() {
        PathSelector selector = PathSelector.of(List.of(), List.of("archive"), true);

        assertThat(selector.skipsDirectory(Path.of("archive"))).isTrue();
        assertThat(selector.skipsDirectory(Path.of("current"))).isFalse();
    }

    @Test
    void defaultExcludesCanBeTurnedOff() {
        PathSelector selector = PathSelector.of(List.of(), List.of(), false);

        assertThat(selector.selects(Path.of(".hidden"))).isTrue();
        assertThat(selector.selects(Path.of("a.tmp"))).isTrue();
        assertThat(selector.skipsDirectory(Path.of(".git"))).isFalse();
    }

    @Test
    void patternsMatchExactlyAsJavaGlobsDo() {
        // The selector skips the regex for common forms ("**/*", "**/*.ext", "**/.*", "**/NAME"); whatever the
        // form, a pattern P must select exactly what the glob P, or for "**/X" the glob X at the top, matches.
        List<String> patterns = List.of(
                "**/*",
                "**/*.txt",
                "**/.*",
                "**/*.tmp",
                "**/a*",
                "**/story.txt",
                "**/*.{html,htm}",
                "**/?.txt",
                "**/[ab].txt",
                "**/sub/*.txt",
                "**/**.txt",
                "*.txt",
                "sub/**",
                "**/",
                "**/*-old.*");
        List<Path> paths = Stream.of(
                        "a.txt",
                        "b.txt",
                        "c.txt",
                        ".hidden",
                        "story.txt",
                        "x.tmp",
                        "x.tmp.txt",
                        "page.html",
                        "page.htm",
                        "a",
                        "abc.md",
                        "sub/a.txt",
                        "sub/.hidden",
                        "sub/story.txt",
                        "sub/x/y.tmp",
                        "sub/page.htm",
                        "deep/er/a.txt",
                        "deep/er/z-old.txt",
                        "deep/sub/q.txt",
                        "txt",
                        "sub")
                .map(Path::of)
                .toList();
        FileSystem fs = FileSystems.getDefault();
        for (String pattern : patterns) {
            PathMatcher glob = fs.getPathMatcher("glob:" + pattern);
            PathMatcher top = pattern.startsWith("**/") ? fs.getPathMatcher("glob:" + pattern.substring(3)) : null;
            PathSelector include = PathSelector.of(List.of(pattern), List.of(), false);
            PathSelector exclude = PathSelector.of(List.of(), List.of(pattern), false);
            for (Path path : paths) {
                boolean expected = glob.matches(path) || (top != null && top.matches(path));
                assertThat(include.selects(path))
                        .as("include %s, %s", pattern, path)
                        .isEqualTo(expected);
                assertThat(exclude.selects(path))
                        .as("exclude %s, %s", pattern, path)
                        .isEqualTo(!expected);
                assertThat(exclude.skipsDirectory(path))
                        .as("exclude dir %s, %s", pattern, path)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void invalidGlobIsAClearError() {
        assertThatThrownBy(() -> PathSelector.of(List.of("[unclosed"), List.of(), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[unclosed")
                .hasMessageContaining("not a valid glob");
    }
}
