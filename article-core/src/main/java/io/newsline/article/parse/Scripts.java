package io.newsline.article.parse;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the parser and enrichment need to know about writing systems other than the Latin one: which
 * characters end a sentence, and what a word is in a script written without spaces.
 *
 * <ul>
 *   <li><b>Sentence ends</b>: besides {@code . ! ? …}, the ideographic full stop {@code 。} and its
 *       half-width form {@code ｡}, the full-width {@code ！ ？ ．}, the Arabic question mark {@code ؟} and
 *       Urdu full stop {@code ۔}, the Devanagari danda {@code ।} and double danda {@code ॥}, the
 *       Ethiopic {@code ።}, the Myanmar {@code ။} and the Armenian {@code ։}.
 *   <li><b>Words</b>: Chinese and Japanese are written without spaces, so a space-separated "word" is a
 *       whole clause or paragraph. Each Han ideograph and each kana counts as one word, the usual way of
 *       measuring CJK text (a character count). {@link BreakIterator} was not used for them because the
 *       JDK's word iterator does not segment Chinese (it returns a whole run of ideographs as one word)
 *       and only splits Japanese where the script changes. Thai, Lao, Khmer and Myanmar are also written
 *       without spaces between words; for them the JDK's word {@link BreakIterator} is dictionary-based
 *       (Thai) or at least splits at syllable rules, so runs of these scripts are cut with it. Korean
 *       (Hangul) separates words with spaces and is counted like Latin text.
 * </ul>
 */
public final class Scripts {
    /** Characters that end a sentence wherever they are (also before a letter, without a space). */
    private static final String CJK_TERMINALS = "\u3002\uFF61\uFF01\uFF1F";
    /** Sentence-ending characters of scripts written with spaces between sentences. */
    private static final String OTHER_TERMINALS = "\u061F\u06D4\u0964\u0965\u1362\u104B\u0589\uFF0E";

    private Scripts() {}

    /** Whether {@code c} ends a sentence in some script: {@code . ! ? …} or one of the class comment's list. */
    public static boolean isSentenceTerminal(char c) {
        return c == '.'
                || c == '!'
                || c == '?'
                || c == '\u2026'
                || CJK_TERMINALS.indexOf(c) >= 0
                || OTHER_TERMINALS.indexOf(c) >= 0;
    }

    /** Whether {@code c} is a full stop or exclamation mark of any script (not a question mark). */
    static boolean isFullStop(char c) {
        return c == '.'
                || c == '!'
                || c == '\u2026'
                || c == '\u3002'
                || c == '\uFF61'
                || c == '\uFF01'
                || c == '\uFF0E'
                || c == '\u06D4'
                || c == '\u0964'
                || c == '\u0965'
                || c == '\u1362'
                || c == '\u104B'
                || c == '\u0589';
    }

    /** Whether {@code c} is a CJK sentence end ({@code 。｡！？}), which needs no space after it. */
    public static boolean isCjkTerminal(char c) {
        return CJK_TERMINALS.indexOf(c) >= 0;
    }

    /** A Han ideograph or kana: one character is counted as one word. */
    public static boolean isCjk(int codePoint) {
        if (codePoint < 0x2E80) { // no UnicodeScript lookup (a binary search) for Latin, Cyrillic, Arabic, ...
            return codePoint == 0x02EA || codePoint == 0x02EB; // the only Bopomofo letters down there
        }
        if (codePoint == 0x30FC || codePoint == 0x3005) { // prolonged sound mark, iteration mark
            return true;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
        return s == Character.UnicodeScript.HAN
                || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.BOPOMOFO;
    }

    /** A letter of a script written without spaces between words (Thai, Lao, Khmer, Myanmar). */
    public static boolean isUnspacedAlphabetic(int codePoint) {
        if (codePoint < 0x0E01 || codePoint > 0xAA7F) { // outside Thai (U+0E01) .. Myanmar Extended-A (U+AA7F)
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
        return s == Character.UnicodeScript.THAI
                || s == Character.UnicodeScript.LAO
                || s == Character.UnicodeScript.KHMER
                || s == Character.UnicodeScript.MYANMAR;
    }

    /**
     * Words of a run of Thai, Lao, Khmer or Myanmar text, as [start, end) offsets into {@code text}, by the
     * JDK's word {@link BreakIterator} (see the class comment). Segments without a letter are left out.
     */
    public static List<int[]> unspacedWords(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        BreakIterator words = BreakIterator.getWordInstance(Locale.forLanguageTag("th"));
        words.setText(text.substring(from, to));
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (hasLetter(text, from + start, from + end)) {
                out.add(new int[] {from + start, from + end});
            }
        }
        return out;
    }

    private static boolean hasLetter(String text, int from, int to) {
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * Words in {@code s}: whitespace-separated tokens, except that within a token each Han ideograph or
     * kana counts as one word (and a run of other characters between them as one more, such as the
     * {@code 2026} of {@code 2026年}), and a run of Thai, Lao, Khmer or Myanmar counts the words the JDK's
     * word iterator finds in it. Text without those scripts counts exactly as whitespace-separated tokens.
     */
    public static int wordCount(String s) {
        int count = 0;
        int len = s.length();
        int i = 0;
        while (i < len) {
            while (i < len && Texts.isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= len) {
                break;
            }
            int start = i;
            while (i < len && !Texts.isSpace(s.charAt(i))) {
                i++;
            }
            count += tokenWords(s, start, i);
        }
        return count;
    }

    /** Words in one whitespace-free token {@code s[from, to)}; at least 1. */
    private static int tokenWords(String s, int from, int to) {
        int words = 0;
        boolean special = false;
        boolean inOther = false;
        int i = from;
        while (i < to) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (isCjk(cp)) {
                special = true;
                inOther = false;
                words++;
                i += n;
            } else if (isUnspacedAlphabetic(cp)) {
                special = true;
                inOther = false;
                int j = i;
                while (j < to
                        && (isUnspacedAlphabetic(s.codePointAt(j))
                                || Character.getType(s.codePointAt(j)) == Character.NON_SPACING_MARK)) {
                    j += Character.charCount(s.codePointAt(j));
                }
                words += Math.max(1, unspacedWords(s, i, j).size());
                i = j;
            } else {
                if (!inOther && Character.isLetterOrDigit(cp)) {
                    words++;
                    inOther = true;
                }
                i += n;
            }
        }
        return special ? Math.max(1, words) : 1;
    }
}
