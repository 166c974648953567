package io.newsline.article.story;

import java.util.Map;

/**
 * Finds the numbers a text prints, as the story features count them ({@code n:} terms): a run of digits with inner
 * decimal points and thousands commas ({@code 6.1}, {@code 2,500}, {@code 1987}), written without the commas ({@code
 * 2500}). Left out: single digits (counts and list numbers every report has), numbers glued to a word before or
 * after ({@code 3rd}, {@code 10am}, {@code 1980s}, {@code A380}), and runs of more than {@value #MAX_DIGITS}
 * characters (no figure is that long).
 *
 * <p>Written by hand: the word tokenizer splits {@code 6.1} into two words and the term normaliser drops numbers, and
 * the regular expression {@code \d+(?:[.,]\d+)*} recurses once per repetition of its group in java.util.regex, so a
 * hostile run such as {@code 1.1.1...} would overflow the stack (as the tokenizer found for hyphens).
 */
final class LeadNumbers {
    static final int MAX_DIGITS = 12;

    private LeadNumbers() {}

    /**
     * Adds each number of {@code text} to {@code counts}; a number not yet counted is added only while {@code counts}
     * holds fewer than {@code maxDistinct}.
     */
    static void count(String text, Map<String, Integer> counts, int maxDistinct) {
        int len = text.length();
        int i = 0;
        while (i < len) {
            if (!Character.isDigit(text.charAt(i)) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            // A run longer than MAX_DIGITS is scanned to its end but not copied further: it is no figure anyway.
            StringBuilder number = new StringBuilder(MAX_DIGITS + 1);
            int j = i;
            while (j < len) {
                char c = text.charAt(j);
                if (Character.isDigit(c)) {
                    append(number, c);
                    j++;
                } else if ((c == '.' || c == ',') && j + 1 < len && Character.isDigit(text.charAt(j + 1))) {
                    if (c == '.') {
                        append(number, '.');
                    }
                    j++;
                } else {
                    break;
                }
            }
            boolean glued = j < len && Character.isLetter(text.charAt(j));
            if (!glued && number.length() >= 2 && number.length() <= MAX_DIGITS) {
                String n = number.toString();
                if (counts.containsKey(n) || counts.size() < maxDistinct) {
                    counts.merge(n, 1, Integer::sum);
                }
            }
            i = j;
        }
    }

    private static void append(StringBuilder number, char c) {
        if (number.length() <= MAX_DIGITS) {
            number.append(c);
        }
    }

    /** A year of the last two centuries ({@code 1987}, {@code 2013}): every report of its time prints it. */
    static boolean isYear(String number) {
        return number.length() == 4 && (number.startsWith("19") || number.startsWith("20"));
    }
}
