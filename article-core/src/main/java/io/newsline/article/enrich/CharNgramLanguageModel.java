package io.newsline.article.enrich;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * OpenNLP's language-detection model (a maximum-entropy model over character 1- to 3-grams) evaluated as
 * {@code LanguageDetectorME.predictLanguages} evaluates it, at a fraction of its cost.
 *
 * <p>OpenNLP 2.5 normalises the text with five regex-based normalisers (nine {@code replaceAll} passes),
 * lower-cases it into a {@code CharBuffer}, collects every n-gram as a {@code CharBuffer} key of a {@code
 * HashMap}, copies each distinct one into a {@code String} and looks it up in the model's {@code HashMap}:
 * that was 68 % of the CPU of enriching an article. The model's answer depends only on the <em>set</em> of
 * distinct n-grams of the normalised, lower-cased text (each counts once): the score of a language is the sum
 * of the weights of those n-grams, and its probability the softmax of the scores. This class computes the same
 * set and the same sums with one pass over a {@code char[]}: each n-gram is packed into a {@code long}, kept
 * once in a small per-thread set, and looked up in an open-addressing table built once from the model. The model's own tables are not kept (145,895 n-grams, 103 languages).
 *
 * <p>Normalisation: the common case (no {@code @}, {@code #}, {@code ://}, surrogate pair, {@code rt} token or
 * {@code haha}-like run) is normalised by a few passes over a {@code char[]} that do what OpenNLP's normalisers
 * do to such text (see {@link #normalizePlain}); any other text goes through OpenNLP's normalisers themselves. {@code CharNgramLanguageModelTest} checks both against OpenNLP.
 */
final class CharNgramLanguageModel {
    private static final int MAX_GRAM = 3;
    /** N-grams with weights for at least this many languages get a dense row; see {@link #dense}. */
    private static final int DENSE_OUTCOMES = 48;

    /** The normalisers of {@link LanguageDetectorFactory#getContextGenerator()}, in its order. */
    private static final CharSequenceNormalizer OPENNLP_NORMALIZER = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(),
            UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(),
            NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());

    private final String[] languages;
    /**
     * Open-addressing table of the model's n-grams, two {@code long}s per slot so that one cache line holds
     * both: the packed n-gram ({@link #pack}; 0 = empty slot) and where its weights are: {@code start << 8 |
     * count} when the n-gram weighs {@code weights[start + i]} for language {@code outcomes[start + i]}, {@code i
     * < count}; {@code start << 8} (count 0) when it has a weight for most languages, {@code dense[start + l]}
     * for language {@code l}.
     */
    private final long[] table;

    private final int mask;
    private final int[] outcomes;
    private final double[] weights;
    /**
     * Rows of weights for every language, for the n-grams with weights for at least {@link #DENSE_OUTCOMES}
     * languages (8,011 of them, mostly single letters and frequent pairs, in every text): adding a row is a
     * vectorised loop, where scattering 48 to 103 weights was most of the scoring time.
     */
    private final double[] dense;

    private final ThreadLocal<Scratch> scratch;

    /** Per thread: the distinct n-grams of the text being scored, the scores, the normalised text. */
    private static final class Scratch {
        final double[] scores;
        /** A small open-addressing set of packed n-grams, valid where {@code stamps[slot] == stamp}. */
        long[] seen = new long[1 << 12];

        int[] stamps = new int[1 << 12];
        int stamp;
        char[] chars = new char[4096];

        Scratch(int languages) {
            scores = new double[languages];
        }

        /** Adds {@code key}; false when it was there already. */
        boolean add(long key) {
            int m = seen.length - 1;
            for (int slot = hash(key) & m; ; slot = (slot + 1) & m) {
                if (stamps[slot] != stamp) {
                    stamps[slot] = stamp;
                    seen[slot] = key;
                    return true;
                }
                if (seen[slot] == key) {
                    return false;
                }
            }
        }

        /** Empties the set, sized for {@code keys} keys at most. */
        void reset(int keys) {
            if (seen.length < 2 * keys) {
                int size = Integer.highestOneBit(2 * keys - 1) << 1;
                seen = new long[size];
                stamps = new int[size];
                stamp = 0;
            }
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(stamps, 0);
                stamp = 1;
            }
        }
    }

    /**
     * The ranking of one evaluation.
     *
     * @param best index of the likeliest language
     * @param second index of the runner-up, or -1 when the model knows one language
     * @param lead how many times likelier the best is than the runner-up ({@code exp} of the score difference;
     *     infinite without a runner-up)
     * @param ngrams how many distinct n-grams of the text the model knows
     */
    record Ranking(int best, int second, double lead, int ngrams) {}

    private CharNgramLanguageModel(LanguageDetectorModel model) {
        if (model.getFactory().getClass() != LanguageDetectorFactory.class) {
            throw new IllegalArgumentException("a language model with a custom factory ("
                    + model.getFactory().getClass().getName()
                    + ") may extract other features; only the default one is supported");
        }
        MaxentModel maxent = model.getMaxentModel();
        languages = new String[maxent.getNumOutcomes()];
        if (languages.length > 256) {
            throw new IllegalArgumentException("more than 256 languages: " + languages.length);
        }
        for (int i = 0; i < languages.length; i++) {
            languages[i] = maxent.getOutcome(i);
        }
        @SuppressWarnings("unchecked")
        Map<String, Context> predicates = (Map<String, Context>) ((AbstractModel) maxent).getDataStructures()[1];
        // A power of two at least 1.5 times the n-grams: short probe runs; 4 MB for the shipped model.
        int capacity = Integer.highestOneBit(Math.max(16, predicates.size() * 3 / 2 - 1)) << 1;
        table = new long[2 * capacity];
        mask = capacity - 1;
        int active = 0;
        int denseRows = 0;
        for (Context c : predicates.values()) {
            if (c.getOutcomes().length >= DENSE_OUTCOMES) {
                denseRows++;
            } else {
                active += c.getOutcomes().length;
            }
        }
        outcomes = new int[active];
        weights = new double[active];
        dense = new double[denseRows * languages.length];
        int at = 0;
        int row = 0;
        for (Map.Entry<String, Context> e : predicates.entrySet()) {
            String gram = e.getKey();
            if (gram.isEmpty() || gram.length() > MAX_GRAM) {
                continue; // the default context generator never produces it, so it never counts
            }
            long key = pack(gram.toCharArray(), 0, gram.length());
            int slot = hash(key) & mask;
            while (table[2 * slot] != 0 && table[2 * slot] != key) {
                slot = (slot + 1) & mask;
            }
            int[] o = e.getValue().getOutcomes();
            double[] w = e.getValue().getParameters();
            table[2 * slot] = key;
            if (o.length >= DENSE_OUTCOMES) {
                int start = row * languages.length;
                for (int i = 0; i < o.length; i++) {
                    dense[start + o[i]] += w[i];
                }
                table[2 * slot + 1] = (long) start << 8;
                row++;
            } else {
                table[2 * slot + 1] = (long) at << 8 | o.length;
                System.arraycopy(o, 0, outcomes, at, o.length);
                System.arraycopy(w, 0, weights, at, o.length);
                at += o.length;
            }
        }
        scratch = ThreadLocal.withInitial(() -> new Scratch(languages.length));
    }

    /** The evaluator of {@code model}, which must use OpenNLP's default language-detector factory. */
    static CharNgramLanguageModel of(LanguageDetectorModel model) {
        return new CharNgramLanguageModel(model);
    }

    /** The ISO 639-3 code of language {@code index}, as the model names it. */
    String language(int index) {
        return languages[index];
    }

    int languageCount() {
        return languages.length;
    }

    /** Ranks the model's languages for {@code text}. */
    Ranking rank(CharSequence text) {
        Scratch s = scratch.get();
        int ngrams = score(text, s);
        double[] scores = s.scores;
        int best = 0;
        int second = -1;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                second = best;
                best = i;
            } else if (second < 0 || scores[i] > scores[second]) {
                second = i;
            }
        }
        double lead = second < 0 ? Double.POSITIVE_INFINITY : Math.exp(scores[best] - scores[second]);
        return new Ranking(best, second, lead, ngrams);
    }

    /** The probability of each language for {@code text}, as {@code LanguageDetectorME} computes it. */
    double[] probabilities(CharSequence text) {
        Scratch s = scratch.get();
        score(text, s);
        double[] p = s.scores.clone();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : p) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(p[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Fills {@code s.scores} for {@code text}; returns how many distinct known n-grams it has. */
    private int score(CharSequence text, Scratch s) {
        int len = normalizeLowerCase(text, s);
        char[] c = s.chars;
        double[] scores = s.scores;
        Arrays.fill(scores, 0);
        s.reset(MAX_GRAM * len);
        int found = 0;
        for (int n = 1; n <= MAX_GRAM; n++) {
            for (int i = 0; i + n <= len; i++) {
                long key = pack(c, i, n);
                if (!s.add(key)) {
                    continue; // each distinct n-gram counts once
                }
                long where = find(key);
                if (where < 0) {
                    continue;
                }
                found++;
                int start = (int) (where >>> 8);
                int count = (int) (where & 0xFF);
                if (count == 0) {
                    for (int l = 0; l < scores.length; l++) {
                        scores[l] += dense[start + l];
                    }
                } else {
                    for (int k = start, end = start + count; k < end; k++) {
                        scores[outcomes[k]] += weights[k];
                    }
                }
            }
        }
        return found;
    }

    /** Where the weights of {@code key} are ({@code start << 8 | count}), or -1 when the model lacks it. */
    private long find(long key) {
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            long k = table[2 * slot];
            if (k == key) {
                return table[2 * slot + 1];
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** 1 to 3 UTF-16 units and their count in one {@code long}; never 0. */
    private static long pack(char[] c, int from, int n) {
        long key = n;
        for (int i = 0; i < n; i++) {
            key = (key << 16) | c[from + i];
        }
        return key;
    }

    // ---------------------------------------------------------------- normalisation

    /**
     * Writes the normalised, lower-cased text into {@code s.chars} and returns its length: the text that
     * OpenNLP's context generator takes n-grams from.
     */
    static int normalizeLowerCase(CharSequence text, Scratch s) {
        CharSequence plain = needsOpenNlpNormalizer(text) ? OPENNLP_NORMALIZER.normalize(text) : null;
        int max = (plain == null ? text.length() : plain.length());
        if (s.chars.length < max) {
            s.chars = new char[Math.max(max, s.chars.length * 2)];
        }
        int len = plain == null ? normalizePlain(text, s.chars) : plain.length();
        if (plain != null) {
            for (int i = 0; i < len; i++) {
                s.chars[i] = plain.charAt(i);
            }
        }
        return lowerCase(s.chars, len);
    }

    /** For tests: the normalised, lower-cased text. */
    static String normalizeLowerCase(CharSequence text) {
        Scratch s = new Scratch(0);
        int len = normalizeLowerCase(text, s);
        return new String(s.chars, 0, len);
    }

    /**
     * Whether the text has anything that only OpenNLP's normalisers handle exactly: a URL ({@code ://}), an
     * e-mail address, a hashtag or mention ({@code @}, {@code #}), a surrogate (emoji), a retweet marker
     * ({@code rt} at the start of a word, followed by a space, a colon or what the emoji step turns into a space) or a laugh ({@code haha}, {@code jeje}:
     * {@code h} or {@code j}, vowels, the same letter again). It may say yes to text they leave alone; the
     * answer is then the same, only slower.
     */
    static boolean needsOpenNlpNormalizer(CharSequence text) {
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '@', '#' -> {
                    return true;
                }
                case ':' -> {
                    if (i + 2 < len && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                        return true;
                    }
                }
                case 'r', 'R' -> {
                    if (i + 2 < len
                            && (text.charAt(i + 1) | 0x20) == 't'
                            && (text.charAt(i + 2) == ' '
                                    || text.charAt(i + 2) == ':'
                                    || isEmojiPatternChar(text.charAt(i + 2))) // a space by then
                            && (i == 0 || !isWordChar(text.charAt(i - 1)) || isEmojiPatternChar(text.charAt(i - 1)))) {
                        return true;
                    }
                }
                case 'h', 'H', 'j', 'J' -> {
                    int j = i + 1;
                    while (j < len && isAsciiVowel(text.charAt(j))) {
                        j++;
                    }
                    if (j > i + 1 && j < len && (text.charAt(j) | 0x20) == (c | 0x20)) {
                        return true;
                    }
                }
                default -> {
                    if (Character.isSurrogate(c)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * OpenNLP's normalisation of text without URLs, e-mail addresses, hashtags, mentions, surrogates, retweet
     * markers and laughs, one pass per step instead of one regular expression each. OpenNLP's emoji pattern
     * {@code [\\uD83C-\\uDBFF\\uDC00-\\uDFFF]+} is parsed by java.util.regex as the range U+D83C to U+10FC00
     * (the escaped surrogates in its middle form one code point), a hyphen and U+DFFF, so it turns every run of
     * hyphens and characters from U+D83C up (private use, presentation and full-width forms, every
     * supplementary character) into a space; that is what the model was trained on, so it is done here too.
     * Then an emoticon ({@code [:;x][()dop]}, any case; the optional {@code -} of OpenNLP's pattern is gone by
     * then) and a run of ASCII digits each become a space; a run of two or more whitespace characters ({@code
     * [ \t\n\x0B\f\r]}) becomes one space; three or more equal characters (ASCII letters compared ignoring
     * case, line terminators never) become the first one twice; and the text is trimmed. Returns the length
     * written to {@code out}.
     */
    private static int normalizePlain(CharSequence text, char[] out) {
        int len = text.length();
        int n = 0;
        // The "emoji" runs, emoticons and digits: disjoint character sets, so one left-to-right pass does all.
        for (int i = 0; i < len; ) {
            char c = text.charAt(i);
            if (isEmojiPatternChar(c)) {
                while (i < len && isEmojiPatternChar(text.charAt(i))) {
                    i++;
                }
                out[n++] = ' ';
                continue;
            }
            if ((c == ':' || c == ';' || c == 'x' || c == 'X') && i + 1 < len && isEmoticonMouth(text.charAt(i + 1))) {
                out[n++] = ' ';
                i += 2;
                continue;
            }
            if (c >= '0' && c <= '9') {
                while (i < len && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                out[n++] = ' ';
                continue;
            }
            out[n++] = c;
            i++;
        }
        // Whitespace runs.
        int w = 0;
        for (int i = 0; i < n; ) {
            if (isRegexSpace(out[i]) && i + 1 < n && isRegexSpace(out[i + 1])) {
                while (i < n && isRegexSpace(out[i])) {
                    i++;
                }
                out[w++] = ' ';
            } else {
                out[w++] = out[i++];
            }
        }
        n = w;
        // Runs of three or more equal characters.
        w = 0;
        for (int i = 0; i < n; ) {
            char c = out[i];
            int j = i + 1;
            if (!isLineTerminator(c)) {
                while (j < n && equalIgnoringAsciiCase(out[j], c)) {
                    j++;
                }
            }
            if (j - i >= 3) {
                out[w++] = c;
                out[w++] = c;
                i = j;
            } else {
                out[w++] = out[i++];
            }
        }
        n = w;
        // String.trim(): every character up to U+0020 at either end.
        int from = 0;
        while (from < n && out[from] <= ' ') {
            from++;
        }
        while (n > from && out[n - 1] <= ' ') {
            n--;
        }
        if (from > 0) {
            System.arraycopy(out, from, out, 0, n - from);
        }
        return n - from;
    }

    /** Lower-cases by code point, as OpenNLP's {@code StringUtil.toLowerCaseCharBuffer}; returns the length. */
    private static int lowerCase(char[] c, int len) {
        for (int i = 0; i < len; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                if (ch >= 'A' && ch <= 'Z') {
                    c[i] = (char) (ch + 32);
                }
            } else if (Character.isHighSurrogate(ch) && i + 1 < len && Character.isLowSurrogate(c[i + 1])) {
                int lower = Character.toLowerCase(Character.toCodePoint(ch, c[i + 1]));
                Character.toChars(lower, c, i); // a supplementary letter's lower case is supplementary too
                i++;
            } else {
                c[i] = (char) Character.toLowerCase((int) ch);
            }
        }
        return len;
    }

    /** What OpenNLP's emoji pattern matches in text without surrogates: a hyphen or U+D83C and above. */
    private static boolean isEmojiPatternChar(char c) {
        return c == '-' || c >= '\uD83C';
    }

    private static boolean isEmoticonMouth(char c) {
        return switch (c) {
            case '(', ')', 'd', 'o', 'p', 'D', 'O', 'P' -> true;
            default -> false;
        };
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean equalIgnoringAsciiCase(char a, char b) {
        if (a == b) {
            return true;
        }
        return a < 0x80 && b < 0x80 && Character.isLetter(a) && (a | 0x20) == (b | 0x20);
    }

    private static boolean isAsciiVowel(char c) {
        return switch (c | 0x20) {
            case 'a', 'e', 'i', 'o', 'u' -> true;
            default -> false;
        };
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
