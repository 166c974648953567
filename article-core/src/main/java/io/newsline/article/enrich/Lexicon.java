package io.newsline.article.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Word lists the rule-based components share, loaded once from {@code stopwords-en.txt}, {@code
 * first-names.txt} and {@code cue-words.tsv} (where each list is documented).
 */
final class Lexicon {
    /** English stopwords (lower case). */
    static final Set<String> STOPWORDS_EN = Set.copyOf(Resources.words("stopwords-en.txt"));

    /** Common given names. */
    static final Set<String> FIRST_NAMES = Set.copyOf(Resources.words("first-names.txt"));

    private static final Map<String, Set<String>> CUES = loadCues();

    static final Set<String> ROLES = cues("roles");
    static final Set<String> HONORIFICS = cues("honorifics");
    static final Set<String> PERSON_CUES = cues("person-cues");
    static final Set<String> ORG_SUFFIXES = cues("org-suffixes");
    static final Set<String> ORG_PREFIXES = cues("org-prefixes");
    static final Set<String> LOCATION_SUFFIXES = cues("location-suffixes");
    static final Set<String> LOCATION_PREFIXES = cues("location-prefixes");
    static final Set<String> CONNECTORS = cues("connectors");
    static final Set<String> FOR_HEADS = cues("for-heads");
    static final Set<String> NON_ORG_ACRONYMS = cues("non-org-acronyms");
    static final Set<String> SENTENCE_OPENERS = cues("sentence-openers");
    static final Set<String> GENERIC_TERMS = cues("generic-terms");
    static final Set<String> NO_FOLD = cues("no-fold");

    /** Lower-case words never an entity on their own: the {@code never-alone} list plus stopwords. */
    static final Set<String> NEVER_ALONE = union(cues("never-alone"), STOPWORDS_EN);

    private Lexicon() {}

    private static Map<String, Set<String>> loadCues() {
        Map<String, Set<String>> lists = new HashMap<>();
        for (String line : Resources.lines("cue-words.tsv")) {
            String[] f = line.split("\t", 2);
            if (f.length != 2) {
                throw new IllegalStateException("bad cue-words line: " + line);
            }
            Set<String> words = lists.computeIfAbsent(f[0].strip(), k -> new HashSet<>());
            for (String w : f[1].strip().split("\\s+")) {
                words.add(w);
            }
        }
        return lists;
    }

    private static Set<String> cues(String key) {
        Set<String> words = CUES.get(key);
        if (words == null) {
            throw new IllegalStateException("cue-words.tsv has no list " + key);
        }
        return Set.copyOf(words);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
