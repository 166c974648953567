package io.newsline.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A precision proxy from a human judgement: pairs of articles that judges saw on one story and called one matter
 * ({@code same}) or different matters ({@code different}), with the number of the judged story they came from. A run
 * is scored by how many of each are on one story now. {@link MixedStories} sees only stories that mix corpora; most
 * unrelated stories a judge finds are of one corpus (one company's different matters, one kind of wire report), and
 * these pairs see those. They see only the errors of the clustering that was judged: a change that splits them can
 * make new ones elsewhere, so a kept change is judged again on a fresh sample.
 *
 * <p>The file: one pair per line, {@code article A TAB article B TAB same|different TAB story number}; lines starting
 * with {@code #} are comments. Article ids as {@code eval-stories} prints them for its DIRs ({@code
 * reuters/reuters-10135.txt}). Pairs with an article the run did not cluster are counted apart.
 *
 * @param different pairs judged different matters that the run clustered
 * @param differentTogether of them, those on one story
 * @param unrelatedStories judged stories with a pair judged different (that the run clustered)
 * @param unrelatedStillMixed of them, those with such a pair still on one story
 * @param same pairs judged one matter that the run clustered
 * @param sameTogether of them, those on one story
 * @param oneEventStories judged stories all of whose pairs are judged one matter
 * @param oneEventWhole of them, those whose articles are all on one story
 * @param notInRun pairs with an article the run did not cluster
 */
record JudgedPairs(
        int different,
        int differentTogether,
        int unrelatedStories,
        int unrelatedStillMixed,
        int same,
        int sameTogether,
        int oneEventStories,
        int oneEventWhole,
        int notInRun) {

    /** One judged pair. */
    record Pair(String a, String b, boolean same, int story) {}

    static List<Pair> read(Path file) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4 || !(f[2].equals("same") || f[2].equals("different"))) {
                throw new IOException(file + " line " + lineNo
                        + ": expected 'article A<TAB>article B<TAB>same|different<TAB>story number'");
            }
            try {
                pairs.add(new Pair(f[0], f[1], f[2].equals("same"), Integer.parseInt(f[3].strip())));
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + lineNo + ": story number is not a number: " + f[3]);
            }
        }
        return pairs;
    }

    /** Scores {@code pairs} against a run's {@code storyOf} (article id -> story id). */
    static JudgedPairs score(List<Pair> pairs, Map<String, String> storyOf) {
        int different = 0;
        int differentTogether = 0;
        int same = 0;
        int sameTogether = 0;
        int notInRun = 0;
        Set<Integer> unrelated = new HashSet<>();
        Set<Integer> stillMixed = new HashSet<>();
        Map<Integer, Boolean> whole = new HashMap<>(); // judged story -> all its pairs together so far
        for (Pair p : pairs) {
            String sa = storyOf.get(p.a());
            String sb = storyOf.get(p.b());
            if (sa == null || sb == null) {
                notInRun++;
                continue;
            }
            boolean together = sa.equals(sb);
            if (p.same()) {
                same++;
                sameTogether += together ? 1 : 0;
                whole.merge(p.story(), together, Boolean::logicalAnd);
            } else {
                different++;
                differentTogether += together ? 1 : 0;
                unrelated.add(p.story());
                if (together) {
                    stillMixed.add(p.story());
                }
            }
        }
        whole.keySet().removeAll(unrelated);
        int oneEventWhole = (int) whole.values().stream().filter(w -> w).count();
        return new JudgedPairs(
                different,
                differentTogether,
                unrelated.size(),
                stillMixed.size(),
                same,
                sameTogether,
                whole.size(),
                oneEventWhole,
                notInRun);
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "judged pairs (precision proxy): %d of %d pairs judged different on one story (%d of %d stories judged"
                        + " unrelated still mixed); %d of %d pairs judged one matter on one story (%d of %d one-event"
                        + " stories whole)%s",
                differentTogether,
                different,
                unrelatedStillMixed,
                unrelatedStories,
                sameTogether,
                same,
                oneEventWhole,
                oneEventStories,
                notInRun > 0 ? "; " + notInRun + " pairs with an article not in this run" : "");
    }
}
