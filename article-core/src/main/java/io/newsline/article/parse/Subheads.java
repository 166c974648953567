package io.newsline.article.parse;

/**
 * Recognises section sub-heads inside an article body: short lines that start with a capital letter
 * or digit and do not end like a sentence, such as {@code Netanyahu Sets the Tone: Talks and Tanks
 * Move Forward Together}. The parser keeps them in the body as their own paragraphs; enrichment uses
 * this test to keep headline-style capitalisation out of entity discovery and out of the summary.
 */
public final class Subheads {
    /** Longest sub-head, in words. */
    static final int MAX_WORDS = 16;

    private static final int MAX_CHARS = 140;

    private Subheads() {}

    /** Whether the paragraph looks like a section sub-head rather than prose. */
    public static boolean isSubhead(String paragraph) {
        String p = paragraph.strip();
        if (p.isEmpty() || p.length() > MAX_CHARS) {
            return false;
        }
        int first = p.codePointAt(0);
        if (!Character.isUpperCase(first) && !Character.isTitleCase(first) && !Character.isDigit(first)) {
            return false;
        }
        int words = Texts.wordCount(p);
        if (words > MAX_WORDS) {
            return false;
        }
        char last = Texts.lastSignificantChar(p);
        if (last == '.' || last == '!' || last == '\u2026' || last == ',' || last == ';') {
            return false;
        }
        // A question can be a sub-head ("What happens next?") but not a long one.
        return last != '?' || words <= 10;
    }
}
