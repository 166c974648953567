package io.newsline.article.parse;

/**
 * Text written in capitals: wire headlines ({@code BURNUP AND SIMS INC SELLS UNIT}), promoted-headline
 * teasers, kicker labels. Such text has no case information, so case-based rules (a capitalised word is a
 * name) must not read it as they read mixed-case text.
 */
public final class Capitals {
    /** Fewer cased letters than this is too little to tell ({@code US}, {@code 5G}). */
    static final int MIN_LETTERS = 6;

    private Capitals() {}

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
