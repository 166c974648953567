package io.newsline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's module table names every module of the root pom, and nothing that is not one (but {@code seeds/}). */
class ModuleTableTest {
    /** Surefire runs in this module's directory; the repository is its parent. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([a-z-]+)/` \\|");

    @Test
    void readmeTableMatchesTheRootPom() throws IOException {
        Set<String> modules = matches(MODULE, read(ROOT.resolve("pom.xml")));
        Set<String> rows = matches(TABLE_ROW, read(ROOT.resolve("README.md")));
        rows.remove("seeds"); // sample data, not a module

        assertThat(modules).contains("article-core", "eval", "architecture");
        assertThat(rows).as("README.md's module table").isEqualTo(modules);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
