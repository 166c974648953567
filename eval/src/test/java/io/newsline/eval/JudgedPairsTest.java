package io.newsline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgedPairsTest {
    @TempDir
    Path dir;

    private static final List<JudgedPairs.Pair> PAIRS = List.of(
            // judged story 1: unrelated, article c another matter than a and b
            new JudgedPairs.Pair("r/a.txt", "r/c.txt", false, 1),
            new JudgedPairs.Pair("r/b.txt", "r/c.txt", false, 1),
            // judged story 2: unrelated, d another matter than e
            new JudgedPairs.Pair("r/d.txt", "r/e.txt", false, 2),
            // judged story 3: one event of three articles
            new JudgedPairs.Pair("r/f.txt", "r/g.txt", true, 3),
            new JudgedPairs.Pair("r/f.txt", "r/h.txt", true, 3),
            new JudgedPairs.Pair("r/g.txt", "r/h.txt", true, 3),
            // judged story 4: one event of two articles
            new JudgedPairs.Pair("r/i.txt", "r/j.txt", true, 4),
            // judged story 5: an article this run did not cluster
            new JudgedPairs.Pair("r/k.txt", "r/missing.txt", false, 5));

    @Test
    void countsThePairsAndTheJudgedStoriesTheRunStillHasTogether() {
        // story 1 still mixed (both pairs), story 2 split, story 3 broken (one pair of three together), story 4 whole
        Map<String, String> storyOf = Map.ofEntries(
                Map.entry("r/a.txt", "s1"),
                Map.entry("r/b.txt", "s1"),
                Map.entry("r/c.txt", "s1"),
                Map.entry("r/d.txt", "s2"),
                Map.entry("r/e.txt", "s3"),
                Map.entry("r/f.txt", "s4"),
                Map.entry("r/g.txt", "s4"),
                Map.entry("r/h.txt", "s5"),
                Map.entry("r/i.txt", "s6"),
                Map.entry("r/j.txt", "s6"),
                Map.entry("r/k.txt", "s7"));

        JudgedPairs score = JudgedPairs.score(PAIRS, storyOf);

        assertThat(score).isEqualTo(new JudgedPairs(3, 2, 2, 1, 4, 2, 2, 1, 1));
        assertThat(score.line())
                .isEqualTo("judged pairs (precision proxy): 2 of 3 pairs judged different on one story (1 of 2 stories"
                        + " judged unrelated still mixed); 2 of 4 pairs judged one matter on one story (1 of 2"
                        + " one-event stories whole); 1 pairs with an article not in this run");
    }

    @Test
    void aStoryWithPairsOfBothKindsCountsAsUnrelatedNotAsOneEvent() {
        List<JudgedPairs.Pair> pairs =
                List.of(new JudgedPairs.Pair("a", "b", true, 1), new JudgedPairs.Pair("a", "c", false, 1));

        JudgedPairs score = JudgedPairs.score(pairs, Map.of("a", "s", "b", "s", "c", "t"));

        assertThat(score).isEqualTo(new JudgedPairs(1, 0, 1, 0, 1, 1, 0, 0, 0));
    }

    @Test
    void readsTheFileAndSaysWhichLineIsWrong() throws IOException {
        Path file = dir.resolve("pairs.tsv");
        Files.writeString(file, "# comment\nr/a.txt\tr/c.txt\tdifferent\t1\n\nr/f.txt\tr/g.txt\tsame\t3\n");
        assertThat(JudgedPairs.read(file))
                .containsExactly(
                        new JudgedPairs.Pair("r/a.txt", "r/c.txt", false, 1),
                        new JudgedPairs.Pair("r/f.txt", "r/g.txt", true, 3));

        Files.writeString(file, "r/a.txt\tr/c.txt\tdifferent\t1\nr/a.txt\tr/c.txt\tunrelated\t1\n");
        assertThatThrownBy(() -> JudgedPairs.read(file)).hasMessageContaining("line 2");
        Files.writeString(file, "r/a.txt\tr/c.txt\tsame\tone\n");
        assertThatThrownBy(() -> JudgedPairs.read(file)).hasMessageContaining("line 1: story number");
    }

    @Test
    void theCommittedPairsReadAndCoverTheJudgedStories() throws IOException {
        // story-judgement-10k-app-r12.md: 38 stories judged unrelated with their other matters named, 10 one event
        // (and one pair of story 2 judged one matter); r14: 38 unrelated, 12 one event (and groups of one matter in 4)
        assertJudgedStories("story-pairs-10k-r12.tsv", 38, 11);
        assertJudgedStories("story-pairs-10k-r14.tsv", 38, 16);
    }

    private static void assertJudgedStories(String file, int withDifferentPairs, int withSamePairs) throws IOException {
        List<JudgedPairs.Pair> pairs = JudgedPairs.read(Path.of("labelling", file));
        assertThat(pairs.stream()
                        .filter(p -> !p.same())
                        .map(JudgedPairs.Pair::story)
                        .distinct())
                .as(file)
                .hasSize(withDifferentPairs);
        assertThat(pairs.stream()
                        .filter(JudgedPairs.Pair::same)
                        .map(JudgedPairs.Pair::story)
                        .distinct())
                .as(file)
                .hasSize(withSamePairs);
    }
}
