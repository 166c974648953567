package io.newsline.streams.enrich;

import io.newsline.streams.enrich.Tokenizer.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Key terms of an article (v1): position-weighted term frequency of lower-case content words and of
 * two-word phrases.
 *
 * <ul>
 *   <li>Candidates come from the prose of the body: words written in lower case there, or capitalised
 *       only at the start of a sentence (so names, which are entities, are not keywords), at least
 *       three letters, not stopwords (English plus those of the detected language). English plurals
 *       are folded ({@code hostages} -> {@code hostage}).
 *   <li>Each occurrence weighs 1, in the lead paragraph 1.5; an occurrence in the headline adds 2 and
 *       in the dek 1.5, but only for terms the body uses too and not for words the body capitalises
 *       mid-sentence (parts of names: {@code City} in {@code Gaza City}).
 *   <li>Generic news words ({@code generic-terms} in {@code cue-words.tsv}) weigh half.
 *   <li>Two adjacent candidates form a phrase; a phrase counts when the body has it at least twice,
 *       and its weight is multiplied by 1.5.
 *   <li>Scores are divided by the best score, so the best keyword scores 1.
 * </ul>
 */
public final class KeywordExtractor {
    private static final int DEFAULT_LIMIT = 10;
    private static final double HEADLINE_BONUS = 2.0;
    private static final double DEK_BONUS = 1.5;
    private static final double LEAD_WEIGHT = 1.5;
    private static final double PHRASE_FACTOR = 1.5;
    private static final double GENERIC_FACTOR = 0.5;
    private static final int MIN_PHRASE_COUNT = 2;

    private final int limit;

    public KeywordExtractor() {
        this(DEFAULT_LIMIT);
    }

    /** An extractor returning at most {@code limit} keywords. */
    public KeywordExtractor(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    /** The best keywords, highest score first. {@code language} is an ISO 639-1 code or {@code und}. */
    public List<Keyword> extract(ArticleText text, String language) {
        Set<String> extraStopwords = StopwordLanguageDetector.profileWords(language);
        boolean english = "en".equals(language) || "und".equals(language);
        Map<String, Double> terms = new HashMap<>();
        Map<String, Double> phrases = new HashMap<>();
        Map<String, Integer> phraseCounts = new HashMap<>();
        Set<String> nameWords = new HashSet<>();
        List<String> paragraphs = text.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (!text.isSubhead(i)) {
                for (Token t : text.tokens(i)) {
                    if (t.capitalised() && !t.sentenceStart()) {
                        nameWords.add(t.text()); // "City" in "Gaza City": part of a name, not a keyword
                    }
                }
            }
        }
        Gazetteer gazetteer = Gazetteer.get();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (text.isSubhead(i)) {
                continue;
            }
            double w = i == text.leadIndex() ? LEAD_WEIGHT : 1.0;
            String previous = null;
            for (Token t : text.tokens(i)) {
                // Lower-case words, and words capitalised only because they open a sentence ("Interest rates").
                boolean candidate = !t.capitalised()
                        || (t.sentenceStart() && !nameWords.contains(t.text()) && !gazetteer.contains(t.text()));
                String term = candidate ? term(t.text(), english, extraStopwords) : null;
                if (term == null) {
                    previous = null;
                    continue;
                }
                terms.merge(term, w * generic(term), Double::sum);
                if (previous != null && t.joined()) {
                    String phrase = previous + " " + term;
                    phrases.merge(phrase, w, Double::sum);
                    phraseCounts.merge(phrase, 1, Integer::sum);
                }
                previous = t.possessive() ? null : term;
            }
        }
        boost(text.title(), HEADLINE_BONUS, terms, nameWords, english, extraStopwords);
        if (text.dek() != null) {
            boost(text.dek(), DEK_BONUS, terms, nameWords, english, extraStopwords);
        }

        List<Keyword> all = new ArrayList<>(terms.size() + phrases.size());
        terms.forEach((term, score) -> all.add(new Keyword(term, score)));
        phrases.forEach((phrase, score) -> {
            if (phraseCounts.get(phrase) >= MIN_PHRASE_COUNT) {
                all.add(new Keyword(phrase, score * PHRASE_FACTOR));
            }
        });
        all.sort(Comparator.comparingDouble(Keyword::score).reversed().thenComparing(Keyword::term));
        if (all.isEmpty()) {
            return List.of();
        }
        double best = all.get(0).score();
        return all.stream()
                .limit(limit)
                .map(k -> new Keyword(k.term(), Math.round(k.score() / best * 1000) / 1000.0))
                .toList();
    }

    private static void boost(
            String line,
            double bonus,
            Map<String, Double> terms,
            Set<String> nameWords,
            boolean english,
            Set<String> extraStopwords) {
        for (Token t : Tokenizer.tokenize(line)) {
            if (nameWords.contains(t.text())) {
                continue;
            }
            String term = term(t.text().toLowerCase(Locale.ROOT), english, extraStopwords);
            if (term != null && terms.containsKey(term)) {
                terms.merge(term, bonus * generic(term), Double::sum);
            }
        }
    }

    private static double generic(String term) {
        return Lexicon.GENERIC_TERMS.contains(term) ? GENERIC_FACTOR : 1.0;
    }

    /** The normalised term for a lower-case word, or {@code null} if it is not a candidate. */
    static String term(String word, boolean english, Set<String> extraStopwords) {
        String w = word.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
        if (w.length() < 3
                || Lexicon.STOPWORDS_EN.contains(w)
                || extraStopwords.contains(w)
                || !Character.isLetter(w.charAt(0))) {
            return null;
        }
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return null;
            }
        }
        return english ? foldPlural(w) : w;
    }

    /** A light English plural fold: {@code hostages} -> {@code hostage}, {@code militias} -> {@code militia}. */
    static String foldPlural(String w) {
        int n = w.length();
        if (n <= 3 || !w.endsWith("s") || Lexicon.NO_FOLD.contains(w)) {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("zzes")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("'s")) {
            return w;
        }
        return w.substring(0, n - 1);
    }
}
