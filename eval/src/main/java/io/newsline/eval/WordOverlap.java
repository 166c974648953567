package io.newsline.eval;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bag-of-words overlap between an expected and an extracted text: words are runs of letters and digits,
 * NFKC-normalised and lower-cased, counted with multiplicity. Precision is the share of extracted words
 * that are expected, recall the share of expected words that were extracted.
 */
public final class WordOverlap {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private WordOverlap() {}

    /** Matched, extracted and expected word counts. */
    public record Counts(long matched, long extracted, long expected) {
        public double precision() {
            return extracted == 0 ? (expected == 0 ? 1 : 0) : (double) matched / extracted;
        }

        public double recall() {
            return expected == 0 ? 1 : (double) matched / expected;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public static Counts of(String expected, String extracted) {
        Map<String, Integer> want = bag(expected);
        Map<String, Integer> got = bag(extracted);
        long matched = 0;
        long e = 0;
        long x = 0;
        for (int c : want.values()) {
            e += c;
        }
        for (Map.Entry<String, Integer> g : got.entrySet()) {
            x += g.getValue();
            matched += Math.min(g.getValue(), want.getOrDefault(g.getKey(), 0));
        }
        return new Counts(matched, x, e);
    }

    static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        if (text == null) {
            return bag;
        }
        Matcher m =
                WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }
}
