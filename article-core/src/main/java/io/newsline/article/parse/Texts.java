package io.newsline.article.parse;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Small text helpers shared by the parsing classes. */
final class Texts {
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern QUOTES = Pattern.compile("['\\u2018\\u2019\\u201A\\u201B\\u02BC\\u0060\\u00B4]");
    private static final String TRAILING_CLOSERS = "\"'\u2019\u201D)]\u00BB*";

    /** Function words ignored when comparing a headline with a dek. */
    private static final Set<String> MINOR_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
            "are", "was", "were", "be", "been", "its", "it", "his", "her", "their", "this", "that", "will", "has",
            "have", "had", "after", "over", "into", "amid", "during", "while", "s");

    private Texts() {}

    /** Collapses every run of (Unicode) whitespace to one space and trims. */
    static String collapse(String s) {
        if (!needsCollapse(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsCollapse(String s) {
        int len = s.length();
        if (len == 0) {
            return false;
        }
        if (isSpace(s.charAt(0)) || isSpace(s.charAt(len - 1))) {
            return true;
        }
        for (int i = 1; i < len; i++) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || isSpace(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c)
                || c == '\u00A0'
                || c == '\u2007'
                || c == '\u202F'
                || c == '\u200B'
                || c == '\uFEFF';
    }

    /** A form for equality tests: NFKC, lower case, no quotes, punctuation as single spaces. */
    static String comparable(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = QUOTES.matcher(n).replaceAll("");
        return NON_ALNUM.matcher(n).replaceAll(" ").strip();
    }

    /** Content words of a line, lower case, with a crude plural strip, for overlap tests. */
    static Set<String> contentWords(String s) {
        Set<String> words = new HashSet<>();
        for (String w : comparable(s).split(" ")) {
            if (w.length() < 2 || MINOR_WORDS.contains(w)) {
                continue;
            }
            if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
                w = w.substring(0, w.length() - 1);
            }
            words.add(w);
        }
        return words;
    }

    /** Shared words divided by the size of the smaller set; 0 when either is empty. */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String w : a) {
            if (b.contains(w)) {
                shared++;
            }
        }
        return (double) shared / Math.min(a.size(), b.size());
    }

    /** The last character that is not a closing quote, bracket or asterisk, or 0. */
    static char lastSignificantChar(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (TRAILING_CLOSERS.indexOf(c) < 0 && !Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Whether a line ends like a sentence: a full stop or exclamation mark of any script ({@code . ! … 。
     * ！ । ॥ ۔}, see {@link Scripts}), possibly followed by closing quotes.
     */
    static boolean endsLikeSentence(String s) {
        return Scripts.isFullStop(lastSignificantChar(s));
    }

    /** Words in {@code s}; see {@link Scripts#wordCount(String)} for scripts written without spaces. */
    static int wordCount(String s) {
        return Scripts.wordCount(s);
    }

    /**
     * {@code s} without NUL and the other C0/C1 control characters that are not line or tab breaks (they
     * carry no text, and a NUL inside a headline or name breaks downstream consumers); {@code s} itself
     * when it has none. One linear pass.
     */
    static String withoutControls(String s) {
        int len = s.length();
        int first = -1;
        for (int i = 0; i < len; i++) {
            if (isStrippedControl(s.charAt(i))) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(len);
        out.append(s, 0, first);
        for (int i = first; i < len; i++) {
            char c = s.charAt(i);
            if (!isStrippedControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isStrippedControl(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\u000B';
        }
        return c == 0x7F || (c >= 0x80 && c < 0xA0 && c != 0x85);
    }
}
