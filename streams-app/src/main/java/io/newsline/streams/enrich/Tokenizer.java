package io.newsline.streams.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a paragraph into word tokens, noting sentence starts and which tokens directly follow another. */
final class Tokenizer {
    /**
     * One word.
     *
     * @param text the word, possessive {@code 's} removed, abbreviation period kept ({@code Mr.},
     *     {@code U.S.})
     * @param sentenceStart first word of a sentence, or after a colon or an opening quote
     * @param joined only spaces separate it from the previous token, which was not possessive
     * @param possessive the word carried a possessive {@code 's} or {@code ’s}
     * @param capitalised see {@link Tokenizer#isCapitalised(String)}
     */
    record Token(
            String text,
            int start,
            int end,
            boolean sentenceStart,
            boolean joined,
            boolean possessive,
            boolean capitalised) {
        Token(String text, int start, int end, boolean sentenceStart, boolean joined, boolean possessive) {
            this(text, start, end, sentenceStart, joined, possessive, isCapitalised(text));
        }

        boolean acronym() {
            int letters = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    if (!Character.isUpperCase(c)) {
                        return false;
                    }
                    letters++;
                } else if (c != '.' && !Character.isDigit(c)) {
                    return false;
                }
            }
            return letters >= 2 && letters <= 6;
        }
    }

    private static final Pattern WORD = Pattern.compile(
            "(?:\\p{Lu}\\.){2,}|[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:['\u2019\\-][\\p{L}\\p{M}\\p{N}]+)*");
    static final Pattern ARABIC_PREFIX =
            Pattern.compile("(?:al|el|ad|as|an|ash|at|az|bin|ibn|abu|abd|abdul|ben)-\\p{Lu}");

    /** Words that keep their trailing period ({@code Mr.}) instead of ending a sentence. */
    static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm",
            "Cmdr", "Rev", "Hon", "Pres", "Atty", "Supt", "Brig", "St", "Jr", "Sr", "Mt", "Ft", "Inc", "Corp", "Ltd",
            "Co", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

    private Tokenizer() {}

    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(text.length() / 5);
        Matcher m = WORD.matcher(text);
        int prevEnd = -1;
        boolean prevPossessive = false;
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            String word = m.group();
            if (!word.endsWith(".") && end < text.length() && text.charAt(end) == '.' && isAbbreviation(word)) {
                end++;
                word = word + ".";
            }
            boolean possessive = false;
            if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("\u2019s"))) {
                word = word.substring(0, word.length() - 2);
                possessive = true;
            }
            boolean sentenceStart;
            boolean joined;
            if (prevEnd < 0) {
                sentenceStart = true;
                joined = false;
            } else {
                sentenceStart = startsSentence(text, prevEnd, start);
                joined = !prevPossessive && onlySpaces(text, prevEnd, start);
            }
            out.add(new Token(word, start, end, sentenceStart, joined, possessive));
            prevEnd = end;
            prevPossessive = possessive;
        }
        return out;
    }

    /** Starts with a capital letter, or is an Arabic name with a lower-case article ({@code al-Sisi}). */
    static boolean isCapitalised(String text) {
        int cp = text.codePointAt(0);
        if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
            return true;
        }
        int dash = text.indexOf('-');
        return dash > 0 && dash <= 5 && ARABIC_PREFIX.matcher(text).lookingAt();
    }

    private static boolean isAbbreviation(String word) {
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(word.charAt(0)));
    }

    private static boolean onlySpaces(String text, int from, int to) {
        if (to - from < 1 || to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsSentence(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            switch (text.charAt(i)) {
                case '.':
                case '!':
                case '?':
                case '\u2026':
                case ':':
                case '"':
                case '\u201C':
                case '\u2018':
                case '(':
                case '[':
                case '\n':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
