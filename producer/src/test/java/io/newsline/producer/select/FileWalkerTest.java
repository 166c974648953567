package io.newsline.producer.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {
    @TempDir
    Path root;

    @Test
    void listsSelectedFilesRecursivelyInPathOrderWithTheirSizes() throws IOException {
        write("b.txt", "bb");
        write("a.txt", "a");
        write("sub/deeper/c.html", "ccc");
        write("sub/.hidden.txt", "x");
        write(".git/config", "x");
        write("sub/partial.txt.part", "x");
        write("image.png", "x");

        FileWalker.Walk walk =
                FileWalker.walk(root, PathSelector.of(List.of("**/*.txt", "**/*.html"), List.of(), true));

        assertThat(walk.files())
                .extracting(FileWalker.Candidate::path)
                .containsExactly(root.resolve("a.txt"), root.resolve("b.txt"), root.resolve("sub/deeper/c.html"));
        assertThat(walk.totalBytes()).isEqualTo(6);
        assertThat(walk.problems()).isEmpty();
    }

    @Test
    void excludedDirectoryIsSkippedWhole() throws IOException {
        write("keep/a.txt", "a");
        write("archive/old.txt", "o");
        write("archive/nested/older.txt", "o");

        FileWalker.Walk walk = FileWalker.walk(root, PathSelector.of(List.of(), List.of("archive"), true));

        assertThat(walk.files()).extracting(FileWalker.Candidate::path).containsExactly(root.resolve("keep/a.txt"));
    }

    @Test
    void listsDanglingLinksSoTheReaderCanReportThem() throws IOException {
        Files.createSymbolicLink(root.resolve("dangling.txt"), root.resolve("missing.txt"));

        FileWalker.Walk walk = FileWalker.walk(root, PathSelector.defaults());

        assertThat(walk.files()).extracting(FileWalker.Candidate::path).containsExactly(root.resolve("dangling.txt"));
    }

    @Test
    void missingRootIsAProblemNotAnException() {
        FileWalker.Walk walk = FileWalker.walk(root.resolve("nope"), PathSelector.defaults());

        assertThat(walk.files()).isEmpty();
        assertThat(walk.problems()).singleElement().satisfies(p -> assertThat(p.detail())
                .contains("nope"));
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
