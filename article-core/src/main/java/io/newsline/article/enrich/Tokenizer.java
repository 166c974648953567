package io.newsline.article.enrich;

import io.newsline.article.parse.Scripts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into word tokens, noting sentence starts and which tokens directly follow another.
 *
 * <p>A word is a dotted acronym ({@code U.S.}), or a letter or digit followed by letters, marks and
 * digits, with inner apostrophes and hyphens ({@code don't}, {@code al-Sisi}). The scanner is written by
 * hand rather than as the equivalent regular expression {@code
 * [\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*}: java.util.regex recurses once per repetition
 * of a group like the last one, so a hyphenated run such as {@code a-a-a-...} 100,000 long overflowed the
 * stack. Scripts written without spaces (see {@link Scripts}): each Han ideograph or kana is one token,
 * and a run of Thai, Lao, Khmer or Myanmar is cut into words by the JDK's word {@code BreakIterator}.
 */
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

    static final Pattern ARABIC_PREFIX =
            Pattern.compile("(?:al|el|ad|as|an|ash|at|az|bin|ibn|abu|abd|abdul|ben)-\\p{Lu}");

    /** Words that keep their trailing period ({@code Mr.}) instead of ending a sentence. */
    static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm",
            "Cmdr", "Rev", "Hon", "Pres", "Atty", "Supt", "Brig", "St", "Jr", "Sr", "Mt", "Ft", "Inc", "Corp", "Ltd",
            "Co", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

    private Tokenizer() {}

    /** Receives each word of a scan: its text (see {@link Token#text()}), where it is, and whether it was possessive. */
    @FunctionalInterface
    interface WordSink {
        void word(String word, int start, int end, boolean possessive);
    }

    static List<Token> tokenize(String text) {
        TokenCollector tokens = new TokenCollector(text);
        scan(text, tokens);
        return tokens.out;
    }

    /** Builds the tokens of one text, each knowing the word before it (sentence start, joined). */
    private static final class TokenCollector implements WordSink {
        private final String text;
        private final List<Token> out;
        private int prevEnd = -1;
        private boolean prevPossessive;

        TokenCollector(String text) {
            this.text = text;
            this.out = new ArrayList<>(text.length() / 5);
        }

        @Override
        public void word(String word, int start, int end, boolean possessive) {
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
    }

    /**
     * The words of {@code text}, exactly the texts of {@link #tokenize}'s tokens, without what only a token carries
     * (sentence starts, joins, capitalisation): for callers that count words, such as the story features, which
     * tokenise the lead of every article and so pay for each token built.
     */
    static void words(String text, Consumer<String> sink) {
        scan(text, (word, start, end, possessive) -> sink.accept(word));
    }

    /** The scanner of {@link #tokenize} and {@link #words}: see the class comment. */
    private static void scan(String text, WordSink sink) {
        int len = text.length();
        int pos = 0;
        List<int[]> pending = new ArrayList<>();
        while (true) {
            int start;
            int end;
            if (!pending.isEmpty()) {
                int[] w = pending.remove(0);
                start = w[0];
                end = w[1];
            } else {
                while (pos < len && !startsWord(text.codePointAt(pos))) {
                    pos += Character.charCount(text.codePointAt(pos));
                }
                if (pos >= len) {
                    break;
                }
                start = pos;
                int cp = text.codePointAt(pos);
                if (Scripts.isUnspacedAlphabetic(cp)) {
                    int runEnd = unspacedRunEnd(text, pos);
                    pending.addAll(Scripts.unspacedWords(text, pos, runEnd));
                    pos = runEnd;
                    continue;
                }
                end = wordEnd(text, pos);
                pos = end;
            }
            String word = text.substring(start, end);
            if (!word.endsWith(".") && end < text.length() && text.charAt(end) == '.' && isAbbreviation(word)) {
                end++;
                word = word + ".";
            }
            boolean possessive = false;
            if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("\u2019s"))) {
                word = word.substring(0, word.length() - 2);
                possessive = true;
            }
            sink.word(word, start, end, possessive);
        }
    }

    /** Whether a word can start at {@code cp}: a letter or a number. */
    private static boolean startsWord(int cp) {
        if (cp < 0x80) { // ASCII: no Unicode category lookups
            return isAsciiLetterOrDigit(cp);
        }
        return Character.isLetter(cp) || isNumber(cp);
    }

    private static boolean isAsciiLetterOrDigit(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }

    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** A letter, mark or number that continues a word (not one of the scripts tokenised separately). */
    private static boolean continuesWord(int cp) {
        if (cp < 0x80) {
            return isAsciiLetterOrDigit(cp);
        }
        return (Character.isLetter(cp) || isMark(cp) || isNumber(cp))
                && !Scripts.isCjk(cp)
                && !Scripts.isUnspacedAlphabetic(cp);
    }

    /** End of the word that starts at {@code start} (a letter or number); see the class comment. */
    private static int wordEnd(String text, int start) {
        int len = text.length();
        int cp = text.codePointAt(start);
        // A dotted acronym: two or more capital-period pairs.
        int i = start;
        int pairs = 0;
        while (i < len) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            if (Character.getType(c) != Character.UPPERCASE_LETTER || i + n >= len || text.charAt(i + n) != '.') {
                break;
            }
            i += n + 1;
            pairs++;
        }
        if (pairs >= 2) {
            return i;
        }
        i = start + Character.charCount(cp);
        if (Scripts.isCjk(cp)) {
            while (i < len && isMark(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            return i;
        }
        while (i < len && continuesWord(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        while (i + 1 < len && isInnerSeparator(text.charAt(i)) && continuesWord(text.codePointAt(i + 1))) {
            i++;
            while (i < len && continuesWord(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return i;
    }

    private static boolean isInnerSeparator(char c) {
        return c == '\'' || c == '\u2019' || c == '-';
    }

    /** End of the run of Thai, Lao, Khmer or Myanmar letters and marks that starts at {@code start}. */
    private static int unspacedRunEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!Scripts.isUnspacedAlphabetic(cp) && !isMark(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
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
                case '\u3002':
                case '\uFF61':
                case '\uFF01':
                case '\uFF1F':
                case '\u061F':
                case '\u06D4':
                case '\u0964':
                case '\u0965':
                case '\u300C':
                case '\u300E':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
