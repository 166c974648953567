package io.newsline.article.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms of a headline as the keyword extractor normalises words (lower case, English plurals folded, no
 * stopwords, no numbers, at least three letters), names included: a headline is short, and its names are what
 * tells one story from another of the same kind. Public for the story features ({@code io.newsline.article.story}).
 */
public final class HeadlineTerms {
    private HeadlineTerms() {}

    /** Every term of {@code text} with its count (names included, lower-cased). */
    public static java.util.Map<String, Integer> counts(String text, java.util.Map<String, Integer> into) {
        for (Tokenizer.Token t : Tokenizer.tokenize(text)) {
            String term = KeywordExtractor.term(t.text(), true, Set.of());
            if (term != null) {
                into.merge(term, 1, Integer::sum);
            }
        }
        return into;
    }

    /** The distinct terms of {@code line}, in order. */
    public static List<String> of(String line) {
        Set<String> terms = new LinkedHashSet<>();
        for (Tokenizer.Token t : Tokenizer.tokenize(line)) {
            String term = KeywordExtractor.term(t.text(), true, Set.of());
            if (term != null) {
                terms.add(term);
            }
        }
        return List.copyOf(terms);
    }
}
