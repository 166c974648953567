package io.newsline.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The html-gold benchmark's own body score, ported from its {@code evaluate.py} (see {@code
 * docs/html-gold-scoring.md}): tokens are Python's {@code \w+} runs (case kept), a text is the multiset of
 * its overlapping 4-token shingles (a text of 1 to 3 tokens is one shingle), and per page {@code tp}, {@code
 * fp}, {@code fn} are the shingles shared, only extracted and only expected. The corpus figure averages the
 * per-page precision and recall ({@link BenchmarkScore}).
 */
public final class ShingleOverlap {
    static final int N = 4;

    private ShingleOverlap() {}

    /** Shingle counts of one page, and whether the token lists are equal (the benchmark's accuracy). */
    public record Counts(long tp, long fp, long fn, boolean exact) {
        /** The benchmark's {@code precision_score}. */
        public double precision() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            if (tp == 0 && fp == 0) {
                return 0;
            }
            return (double) tp / (tp + fp);
        }

        /** The benchmark's {@code recall_score}. */
        public double recall() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            if (tp == 0 && fn == 0) {
                return 0;
            }
            return (double) tp / (tp + fn);
        }
    }

    public static Counts of(String expected, String extracted) {
        List<String> want = tokens(expected);
        List<String> got = tokens(extracted);
        Map<List<String>, Integer> w = shingles(want);
        Map<List<String>, Integer> g = shingles(got);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<List<String>, Integer> e : g.entrySet()) {
            int t = w.getOrDefault(e.getKey(), 0);
            tp += Math.min(t, e.getValue());
            fp += Math.max(0, e.getValue() - t);
        }
        for (Map.Entry<List<String>, Integer> e : w.entrySet()) {
            fn += Math.max(0, e.getValue() - g.getOrDefault(e.getKey(), 0));
        }
        return new Counts(tp, fp, fn, want.equals(got));
    }

    /** Python 3's {@code re.findall(r'\w+', text)}: maximal runs of word characters, by code point. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isWord(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out;
    }

    /**
     * Python's {@code \w} on {@code str}: {@code isalnum()} (letters Lu Ll Lt Lm Lo, and code points with a
     * numeric value: Nd Nl No) or the underscore. Not Java's UNICODE_CHARACTER_CLASS {@code \w}, which
     * also takes combining marks and joiners.
     */
    static boolean isWord(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) {
            return out;
        }
        for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
            out.merge(List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + N))), 1, Integer::sum);
        }
        return out;
    }
}
