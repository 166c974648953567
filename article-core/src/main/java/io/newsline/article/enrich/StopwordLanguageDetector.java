package io.newsline.article.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stopword-profile language detection for {@code en, fr, de, es, it, pt, nl}: counts the frequent
 * function words of each language ({@code language-profiles.tsv}) among the first words of the text;
 * a word shared by k languages counts 1/k for each. The best language wins when its words make up
 * enough of the text and it clearly beats the runner-up; otherwise the answer is {@code und}.
 */
public final class StopwordLanguageDetector implements LanguageDetector {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int MAX_WORDS = 400;
    private static final int MIN_WORDS = 4;
    private static final double MIN_SHARE = 0.08;
    private static final double MIN_LEAD = 1.25;

    private static final Map<String, Set<String>> PROFILES;
    /** For each profile word, the languages it belongs to and the weight (1/k) it carries. */
    private static final Map<String, String[]> LANGUAGES_BY_WORD;

    static {
        Map<String, Set<String>> profiles = new LinkedHashMap<>();
        for (String line : Resources.lines("language-profiles.tsv")) {
            String[] f = line.split("\t");
            profiles.put(f[0].strip(), Set.of(f[1].strip().split("\\s+")));
        }
        Map<String, List<String>> byWord = new HashMap<>();
        profiles.forEach((lang, words) -> {
            for (String w : words) {
                byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(lang);
            }
        });
        Map<String, String[]> langs = new HashMap<>();
        byWord.forEach((w, l) -> langs.put(w, l.toArray(String[]::new)));
        PROFILES = Map.copyOf(profiles);
        LANGUAGES_BY_WORD = Map.copyOf(langs);
    }

    /** The profile (function words) of a language, or an empty set for an unknown code. */
    static Set<String> profileWords(String language) {
        return PROFILES.getOrDefault(language, Set.of());
    }

    @Override
    public String detect(String text) {
        Matcher m = WORD.matcher(text);
        Map<String, Double> scores = new HashMap<>();
        int words = 0;
        while (words < MAX_WORDS && m.find()) {
            words++;
            String[] langs = LANGUAGES_BY_WORD.get(m.group().toLowerCase(Locale.ROOT));
            if (langs != null) {
                double w = 1.0 / langs.length;
                for (String l : langs) {
                    scores.merge(l, w, Double::sum);
                }
            }
        }
        if (words < MIN_WORDS) {
            return UNDETERMINED;
        }
        String best = null;
        double bestScore = 0;
        double second = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            double s = e.getValue();
            if (s > bestScore) {
                second = bestScore;
                bestScore = s;
                best = e.getKey();
            } else if (s > second) {
                second = s;
            }
        }
        if (best == null || bestScore / words < MIN_SHARE || bestScore < MIN_LEAD * second) {
            return UNDETERMINED;
        }
        return best;
    }
}
