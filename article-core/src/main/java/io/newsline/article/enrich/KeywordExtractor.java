package io.newsline.article.enrich;

import io.newsline.article.enrich.Tokenizer.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Key terms and phrases of an article, ranked by TF-IDF against the shipped background document
 * frequencies ({@link DocumentFrequencies}).
 *
 * <ul>
 *   <li>Candidates come from the prose of the body: words written in lower case there, or capitalised
 *       only at the start of a sentence (so names, which are entities, are not keywords) when the body
 *       also writes them in lower case or the background corpus knows them, at least three letters, not
 *       stopwords (English plus those of the detected language). English plurals are folded ({@code
 *       hostages} -> {@code hostage}).
 *   <li>Term frequency is position-weighted: each occurrence weighs 1, in the lead paragraph 1.5; an
 *       occurrence in the headline adds 2 and in the dek 1.5, but only for terms the body uses too and
 *       not for words the body capitalises mid-sentence (parts of names: {@code City} in {@code Gaza
 *       City}). Generic news words ({@code generic-terms} in {@code cue-words.tsv}) weigh half.
 *   <li>Two or three adjacent candidates in one sentence form a phrase; a phrase counts when the body
 *       has it at least twice. A two-word phrase that only ever occurs inside a kept three-word phrase is
 *       left out.
 *   <li>The score is {@code tf * idf} with the smoothed {@code idf = ln((N + 1) / (df + 1)) + 1} of the
 *       background corpus ({@code N} documents, {@code df} of them use the term). The table holds single
 *       words, so a phrase's idf is estimated as the mean idf of its words times 1.5 (a phrase is rarer
 *       than its words). For a language other than English the background says nothing and idf is 1
 *       (plain weighted term frequency).
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
    private final DocumentFrequencies background;

    public KeywordExtractor() {
        this(DEFAULT_LIMIT);
    }

    /** An extractor returning at most {@code limit} keywords. */
    public KeywordExtractor(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
        this.background = DocumentFrequencies.shipped();
    }

    /** Weighted frequency and raw body count of a term or phrase. */
    private static final class Count {
        double tf;
        int n;
        int words;

        Count(int words) {
            this.words = words;
        }
    }

    /** The best keywords, highest score first. {@code language} is an ISO 639-1 code or {@code und}. */
    public List<KeyTerm> extract(ArticleText text, String language) {
        Set<String> extraStopwords = StopwordLanguageDetector.profileWords(language);
        boolean english = "en".equals(language) || "und".equals(language);
        Map<String, Count> counts = new HashMap<>();
        Set<String> nameWords = new HashSet<>();
        Set<String> lowerCase = new HashSet<>();
        List<String> paragraphs = text.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (!text.isSubhead(i)) {
                for (Token t : text.tokens(i)) {
                    if (!t.capitalised()) {
                        lowerCase.add(t.text());
                    } else if (!t.sentenceStart()) {
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
            String beforePrevious = null;
            for (Token t : text.tokens(i)) {
                String term = candidate(t, nameWords, lowerCase, gazetteer, english, extraStopwords);
                if (term == null) {
                    previous = null;
                    beforePrevious = null;
                    continue;
                }
                if (previous == null || !t.joined()) {
                    previous = null;
                    beforePrevious = null;
                }
                add(counts, term, 1, w * generic(term));
                if (previous != null) {
                    add(counts, previous + " " + term, 2, w);
                    if (beforePrevious != null) {
                        add(counts, beforePrevious + " " + previous + " " + term, 3, w);
                    }
                }
                if (t.possessive()) {
                    previous = null;
                    beforePrevious = null;
                } else {
                    beforePrevious = previous;
                    previous = term;
                }
            }
        }
        boost(text.title(), HEADLINE_BONUS, counts, nameWords, english, extraStopwords);
        if (text.dek() != null) {
            boost(text.dek(), DEK_BONUS, counts, nameWords, english, extraStopwords);
        }

        Set<String> subsumed = new HashSet<>();
        counts.forEach((phrase, c) -> {
            if (c.words == 3 && c.n >= MIN_PHRASE_COUNT) {
                int space = phrase.indexOf(' ');
                int last = phrase.lastIndexOf(' ');
                for (String part : List.of(phrase.substring(0, last), phrase.substring(space + 1))) {
                    Count p = counts.get(part);
                    if (p != null && p.n <= c.n) {
                        subsumed.add(part);
                    }
                }
            }
        });
        List<KeyTerm> all = new ArrayList<>();
        counts.forEach((term, c) -> {
            if (c.words == 1) {
                all.add(new KeyTerm(term, c.tf * idf(term, english)));
            } else if (c.n >= MIN_PHRASE_COUNT && !subsumed.contains(term)) {
                all.add(new KeyTerm(term, c.tf * phraseIdf(term, english)));
            }
        });
        if (all.isEmpty()) {
            return List.of();
        }
        all.sort(Comparator.comparingDouble(KeyTerm::score).reversed().thenComparing(KeyTerm::term));
        double best = all.get(0).score();
        return all.stream()
                .limit(limit)
                .map(k -> new KeyTerm(k.term(), Math.round(k.score() / best * 1000) / 1000.0))
                .toList();
    }

    /** The term of a body token, or {@code null} when it is not a keyword candidate. */
    private String candidate(
            Token t,
            Set<String> nameWords,
            Set<String> lowerCase,
            Gazetteer gazetteer,
            boolean english,
            Set<String> extraStopwords) {
        if (!t.capitalised()) {
            return term(t.text(), english, extraStopwords);
        }
        // Capitalised only because it opens a sentence ("Interest rates"), and not a name.
        if (!t.sentenceStart() || nameWords.contains(t.text()) || gazetteer.contains(t.text())) {
            return null;
        }
        String term = term(t.text(), english, extraStopwords);
        if (term == null) {
            return null;
        }
        String lower = t.text().toLowerCase(Locale.ROOT);
        boolean known = lowerCase.contains(lower) || !english || background.df(term) > 0;
        return known ? term : null; // "Voltloop, a startup ...": a name nobody writes in lower case
    }

    private static void add(Map<String, Count> counts, String key, int words, double weight) {
        Count c = counts.computeIfAbsent(key, k -> new Count(words));
        c.tf += weight;
        c.n++;
    }

    private double idf(String term, boolean english) {
        return english ? background.idf(term) : 1.0;
    }

    private double phraseIdf(String phrase, boolean english) {
        if (!english) {
            return PHRASE_FACTOR;
        }
        double sum = 0;
        int words = 0;
        int from = 0;
        while (from <= phrase.length()) {
            int space = phrase.indexOf(' ', from);
            int to = space < 0 ? phrase.length() : space;
            sum += background.idf(phrase.substring(from, to));
            words++;
            from = to + 1;
        }
        return PHRASE_FACTOR * sum / words;
    }

    /** Adds a headline or dek bonus to the terms and phrases of {@code line} that the body uses. */
    private static void boost(
            String line,
            double bonus,
            Map<String, Count> counts,
            Set<String> nameWords,
            boolean english,
            Set<String> extraStopwords) {
        Set<String> seen = new HashSet<>();
        String previous = null;
        String beforePrevious = null;
        for (Token t : Tokenizer.tokenize(line)) {
            String term = nameWords.contains(t.text())
                    ? null
                    : term(t.text().toLowerCase(Locale.ROOT), english, extraStopwords);
            if (term == null) {
                previous = null;
                beforePrevious = null;
                continue;
            }
            if (previous == null || !t.joined()) {
                previous = null;
                beforePrevious = null;
            }
            bonus(counts, term, bonus * generic(term), seen);
            if (previous != null) {
                bonus(counts, previous + " " + term, bonus, seen);
                if (beforePrevious != null) {
                    bonus(counts, beforePrevious + " " + previous + " " + term, bonus, seen);
                }
            }
            beforePrevious = t.possessive() ? null : previous;
            previous = t.possessive() ? null : term;
        }
    }

    private static void bonus(Map<String, Count> counts, String key, double bonus, Set<String> seen) {
        Count c = counts.get(key);
        if (c != null && seen.add(key)) {
            c.tf += bonus;
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
