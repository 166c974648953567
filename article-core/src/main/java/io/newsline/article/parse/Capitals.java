package io.newsline.article.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text written in capitals: wire headlines ({@code BURNUP AND SIMS INC SELLS UNIT}), promoted-headline
 * teasers, kicker labels. Such text has no case information, so case-based rules (a capitalised word is a
 * name) must not read it as they read mixed-case text.
 */
public final class Capitals {
    /** Fewer cased letters than this is too little to tell ({@code US}, {@code 5G}). */
    static final int MIN_LETTERS = 6;

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");

    private Capitals() {}

    /**
     * {@code title} as the body writes its words, when it is all in capitals ({@link #isAllCaps}); else
     * {@code title} itself. Each word takes the form the body uses most often ({@code ROGERS} -> {@code
     * Rogers}, {@code OPEC} stays); a word the body does not use is lower-cased, and the first letter of the
     * title is upper-cased. Only for reading: enrichment's case-based rules (a capitalised word is a name)
     * then see the headline as they see prose; the article keeps the headline as published.
     */
    public static String truecase(String title, List<String> body) {
        if (!isAllCaps(title)) {
            return title;
        }
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        for (String p : body) {
            Matcher m = WORD.matcher(p);
            while (m.find()) {
                forms.computeIfAbsent(m.group().toLowerCase(Locale.ROOT), k -> new HashMap<>())
                        .merge(m.group(), 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder(title.length());
        Matcher m = WORD.matcher(title);
        int last = 0;
        boolean first = true;
        while (m.find()) {
            out.append(title, last, m.start());
            String lower = m.group().toLowerCase(Locale.ROOT);
            Map<String, Integer> seen = forms.get(lower);
            String word = lower;
            if (seen != null) {
                word = seen.entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .get()
                        .getKey();
            }
            if (first) {
                word = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
                first = false;
            }
            out.append(word);
            last = m.end();
        }
        out.append(title, last, title.length());
        return out.toString();
    }

    /**
     * Whether {@code text} has at least {@value #MIN_LETTERS} cased letters and none of them is lower case
     * (letters without case, digits and punctuation do not count either way).
     */
    public static boolean isAllCaps(String text) {
        if (text == null) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLowerCase(cp)) {
                return false;
            }
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                upper++;
            }
            i += Character.charCount(cp);
        }
        return upper >= MIN_LETTERS;
    }
}
