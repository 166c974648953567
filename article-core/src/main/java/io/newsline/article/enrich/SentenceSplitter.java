package io.newsline.article.enrich;

import io.newsline.article.parse.Scripts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences at {@code . ! ?} and ellipses followed by a space and a capital,
 * digit or opening quote; not after abbreviations ({@code Mr.}, {@code Dr.}, {@code Sept.}),
 * initials ({@code Donald J. Trump}) or dotted acronyms ({@code U.S.}, {@code a.m.}) unless the next
 * word clearly opens a sentence ({@code ... the U.S. The talks ...}).
 *
 * <p>Other scripts: the sentence ends of {@link Scripts} count too. Chinese and Japanese put no space after
 * {@code 。！？｡}, so a sentence ends there (after any closing bracket or quote such as {@code 」}) whatever
 * follows. In scripts without capitals (Arabic, Devanagari, ...), a letter after the space opens a
 * sentence the way a capital does: {@code ؟ । ॥ ۔} and a {@code .} followed by a space and such a letter
 * end one. Thai marks sentence ends with a space only, which cannot be told from a phrase break, so
 * Thai text is not split.
 */
public final class SentenceSplitter {
    private static final Pattern DOTTED = Pattern.compile("(?:\\p{L}\\.)+\\p{L}");
    private static final String CLOSERS = "\"'\u201D\u2019)]\u00BB\u300D\u300F\uFF09\u3011\u3015\u300B\u3009\uFF02";
    private static final String OPENERS = "\"\u201C\u2018(\u00AB[\u300C\u300E\uFF08\u300A\u3008";

    private SentenceSplitter() {}

    public static List<String> split(String paragraph) {
        String s = paragraph.strip();
        List<String> out = new ArrayList<>();
        int len = s.length();
        int start = 0;
        int i = 0;
        while (i < len) {
            char c = s.charAt(i);
            if (!Scripts.isSentenceTerminal(c)) {
                i++;
                continue;
            }
            boolean cjk = Scripts.isCjkTerminal(c);
            int j = i + 1;
            while (j < len && Scripts.isSentenceTerminal(s.charAt(j))) {
                cjk |= Scripts.isCjkTerminal(s.charAt(j));
                j++;
            }
            while (j < len && CLOSERS.indexOf(s.charAt(j)) >= 0) {
                j++;
            }
            if (cjk && j < len) {
                int k = j;
                while (k < len && Character.isWhitespace(s.charAt(k))) {
                    k++;
                }
                if (k >= len) {
                    break;
                }
                out.add(s.substring(start, j).strip());
                start = k;
                i = k;
                continue;
            }
            if (j >= len || !Character.isWhitespace(s.charAt(j))) {
                i = j;
                continue;
            }
            int k = j;
            while (k < len && Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            if (k >= len) {
                break;
            }
            char next = s.charAt(k);
            boolean capitalNext = Character.isUpperCase(next)
                    || Character.isDigit(next)
                    || OPENERS.indexOf(next) >= 0
                    || isCaselessLetter(s.codePointAt(k));
            if (!capitalNext || (c == '.' && j == i + 1 && !abbreviationEndsSentence(s, i, k))) {
                i = j;
                continue;
            }
            out.add(s.substring(start, j).strip());
            start = k;
            i = k;
        }
        if (start < len) {
            out.add(s.substring(start).strip());
        }
        return out;
    }

    /** A letter of a script without capitals (Arabic, Devanagari, Han, ...). */
    private static boolean isCaselessLetter(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_LETTER || type == Character.MODIFIER_LETTER;
    }

    /** For a period at {@code dot}: true unless the word before it is an abbreviation that does not end the sentence. */
    private static boolean abbreviationEndsSentence(String s, int dot, int nextWord) {
        int b = dot;
        while (b > 0 && (Character.isLetter(s.charAt(b - 1)) || s.charAt(b - 1) == '.')) {
            b--;
        }
        String word = s.substring(b, dot);
        if (word.isEmpty()) {
            return true;
        }
        if (Tokenizer.ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(word.charAt(0)))) {
            return false;
        }
        if (DOTTED.matcher(word).matches()) {
            int e = nextWord;
            while (e < s.length() && Character.isLetter(s.charAt(e))) {
                e++;
            }
            String following = s.substring(nextWord, e).toLowerCase(Locale.ROOT);
            return Lexicon.SENTENCE_OPENERS.contains(following);
        }
        return true;
    }
}
