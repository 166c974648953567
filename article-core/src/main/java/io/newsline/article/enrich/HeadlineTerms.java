package io.newsline.article.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terms of a headline as the keyword extractor normalises words (lower case, English plurals folded, no
 * stopwords, no numbers, at least three letters), names included: a headline is short, and its names are what
 * tells one story from another of the same kind. Public for the story features ({@code io.newsline.article.story}).
 *
 * <p>Reads only the words of the text ({@link Tokenizer#words}), not full tokens: the story features count the
 * terms of every article's lead, and building tokens was most of their cost.
 */
public final class HeadlineTerms {
    private HeadlineTerms() {}

    /** Every term of {@code text} with its count (names included, lower-cased), added to {@code into}. */
    public static Map<String, Integer> counts(String text, Map<String, Integer> into) {
        Tokenizer.words(text, word -> {
            String term = term(word);
            if (term != null) {
                into.merge(term, 1, Integer::sum);
            }
        });
        return into;
    }

    /** The distinct terms of {@code line}, in order. */
    public static List<String> of(String line) {
        Set<String> terms = new LinkedHashSet<>();
        Tokenizer.words(line, word -> {
            String term = term(word);
            if (term != null) {
                terms.add(term);
            }
        });
        return List.copyOf(terms);
    }

    private static String term(String word) {
        return KeywordExtractor.term(word, true, Set.of());
    }
}
