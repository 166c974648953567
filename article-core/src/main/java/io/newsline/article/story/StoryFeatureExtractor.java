package io.newsline.article.story;

import io.newsline.article.enrich.DocumentFrequencies;
import io.newsline.article.enrich.HeadlineTerms;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link StoryInput} into {@link StoryFeatures}: four blocks of features, each scaled to its share, then the
 * whole vector to unit length.
 *
 * <ul>
 *   <li>Entities ({@code e:}), the strongest evidence that two articles report one event (Tara Reid's rehab vs
 *       Lindsay Lohan's): {@code log(1 + mentions)} times a factor by kind (people and organisations name an event
 *       better than places, which many events share); the block's best scores 1.
 *   <li>Keywords ({@code k:}): the TF-IDF scores of enrichment (best 1), what the story is about (rehab, earthquake).
 *       A small share: enrichment computed them from the same body, so the body block already holds their words.
 *   <li>Headline terms ({@code t:}): every headline word but place names ({@link #placeNameTerms}) weighted by its
 *       background idf (best 1); a headline is the densest summary of the event.
 *   <li>Body terms ({@code b:}): of the first {@value #BODY_CHARS} characters of the body (news puts the event
 *       first), the {@value #BODY_TERMS} words (names included, places not) of highest {@code sqrt(tf) * idf^1.5}; the ten
 *       keywords alone miss much of what two short reports of one event share. The idf counts more than in plain
 *       TF-IDF: a rare word two reports share (a ship's name, a chip's code name) tells one event from another of its
 *       kind better than repeated common ones.
 *   <li>Numbers ({@code n:}): the figures of the headline and the same lead ({@link LeadNumbers}), weighted by how
 *       specific they are ({@link #numberWeight}): one event's reports print the same figures, two events of one kind
 *       (two earthquakes, two quarterly results) different ones.
 * </ul>
 *
 * <p>Shares (entities 1, keywords 0.3, headline 0.75, body 1, numbers 0.8), the body weighting and the kind factors were tuned on
 * ECB+ (docs/stories.md).
 */
public final class StoryFeatureExtractor {
    /** The prefix of a person's, an organisation's or another named thing's feature: an actor of the story. */
    public static final String ACTOR = "e:";
    /** The prefix of a place's feature: in the entity block, but no actor (see {@link StoryMatcher#reaches}). */
    public static final String PLACE = "p:";

    static final double ENTITY_SHARE = 1.0;
    static final double KEYWORD_SHARE = 0.3;
    static final double HEADLINE_SHARE = 0.75;
    static final double BODY_SHARE = 1.0;
    static final double NUMBER_SHARE = 0.8;
    static final int BODY_TERMS = 60;
    static final int BODY_CHARS = 1500;
    static final int NUMBER_TERMS = 20;

    /*
     * Bounds that keep a hostile article's features the size of a real one's. The story stage writes each string with
     * at most 65,535 bytes and each list with at most 65,535 entries; a 200 KB first line made a headline of 15,000
     * terms and a title the stage could not write, and the article became a dead letter. Real articles are far inside
     * them: the parser's headlines have at most 30 words, ECB+'s lead-sentence titles about 60; no word or name is
     * 100 characters long. Cutting changes no decision on the corpora (StoryFootprint's digest, ECB+'s figures).
     */
    static final int MAX_HEADLINE_TERMS = 100;
    static final int MAX_TERM_CHARS = 100;
    static final int MAX_TITLE_CHARS = 1_000;
    static final int MAX_NAME_CHARS = 200;
    static final int MAX_NUMBERS = 100;

    private final StoryParams params;
    private final DocumentFrequencies background = DocumentFrequencies.shipped();

    public StoryFeatureExtractor(StoryParams params) {
        this.params = params;
    }

    public StoryFeatures extract(StoryInput input) {
        List<String> headline = HeadlineTerms.of(input.title());
        if (headline.size() > MAX_HEADLINE_TERMS) {
            headline = headline.subList(0, MAX_HEADLINE_TERMS);
        }
        Set<String> placeNames = placeNameTerms(input);
        Map<String, Double> vector =
                sized(input.entities().size() + input.keywords().size() + headline.size() + BODY_TERMS + NUMBER_TERMS);
        Map<String, String> names = new HashMap<>();

        Map<String, Double> entities = new HashMap<>();
        for (StoryInput.Entity e : input.entities()) {
            double w = kindFactor(e.type()) * Math.log1p(Math.max(1, e.mentions()));
            if (tooLong(e.id())) {
                continue;
            }
            String key = (e.type().equals("LOCATION") ? PLACE : ACTOR) + e.id();
            entities.merge(key, w, Double::sum);
            names.putIfAbsent(key, cut(e.name(), MAX_NAME_CHARS));
        }
        addBlock(vector, entities, ENTITY_SHARE);

        Map<String, Double> keywords = new HashMap<>();
        for (StoryInput.Keyword k : input.keywords()) {
            if (!tooLong(k.term())) {
                keywords.merge("k:" + k.term(), Math.max(0, k.score()), Double::sum);
            }
        }
        addBlock(vector, keywords, KEYWORD_SHARE);

        Map<String, Double> titleTerms = new HashMap<>();
        for (String term : headline) {
            if (!placeNames.contains(term) && !tooLong(term)) {
                titleTerms.put("t:" + term, background.idf(term));
            }
        }
        addBlock(vector, titleTerms, HEADLINE_SHARE);

        addBlock(vector, bodyTerms(input.body(), placeNames), BODY_SHARE);
        addBlock(vector, numberFeatures(input), NUMBER_SHARE);

        double norm = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
        if (norm > 0) {
            vector.replaceAll((k, w) -> w / norm);
        }
        return new StoryFeatures(
                input.articleId(),
                input.publishedAt(),
                input.dated(),
                cut(input.title(), MAX_TITLE_CHARS),
                vector,
                blockingKeys(vector),
                names);
    }

    /**
     * The words of the article's place names ({@code Ivory Coast} -> {@code ivory}, {@code coast}), as headline and
     * body terms spell them: they are left out of those blocks, so a place counts once, as its {@code p:} feature
     * (at the place factor). Many unrelated events share a country or a city; as a body and headline term of the
     * highest idf too, one shared place carried a short report into a story of another matter (the 10,000-article
     * judgement, docs/stories.md). People's and organisations' names stay: ECB+ needs them (articles name one event's
     * actors in forms entity linking gives different ids).
     */
    static Set<String> placeNameTerms(StoryInput input) {
        Set<String> terms = new HashSet<>();
        for (StoryInput.Entity e : input.entities()) {
            if (e.type().equals("LOCATION")) {
                terms.addAll(HeadlineTerms.of(e.name()));
            }
        }
        return terms;
    }

    /**
     * The lead the body and number blocks read: the paragraphs up to the first {@value #BODY_CHARS} characters (the
     * paragraph that crosses the mark whole).
     */
    static List<String> lead(List<String> body) {
        int chars = 0;
        int paragraphs = 0;
        while (paragraphs < body.size() && chars < BODY_CHARS) {
            chars += body.get(paragraphs++).length();
        }
        return body.subList(0, paragraphs);
    }

    /**
     * The body block: of the {@link #lead} (news puts the event first; the rest costs CPU and adds background), the
     * {@value #BODY_TERMS} terms of highest {@link #bodyWeight}, ties by term. Only the kept terms get their {@code b:}
     * key: an article has a few hundred distinct terms.
     */
    private Map<String, Double> bodyTerms(List<String> body, Set<String> placeNames) {
        Map<String, Integer> counts = new HashMap<>(512); // sized for a lead: no rehashing while counting
        for (String p : lead(body)) {
            HeadlineTerms.counts(p, counts);
        }
        counts.keySet().removeAll(placeNames);
        counts.keySet().removeIf(StoryFeatureExtractor::tooLong);
        List<ScoredTerm> scored = new ArrayList<>(counts.size());
        counts.forEach((term, n) -> scored.add(new ScoredTerm(term, bodyWeight(n, background.idf(term)))));
        return strongest(scored, "b:", BODY_TERMS);
    }

    /**
     * The number block: the numbers of the headline and of the lead the body terms read, each {@code sqrt(count)}
     * times {@link #numberWeight}. Two reports of one event print the same figures (a magnitude, a toll, an age, an
     * amount); two events of one kind, or two wire reports of one genre (earnings, bond issues), print different ones,
     * which then count against their similarity. The {@value #NUMBER_TERMS} strongest are kept, ties by term (a
     * table of results prints dozens; more changed no decision on ECB+ and few on the 10k run, and each costs every
     * comparison and message); of a hostile text only the first {@value #MAX_NUMBERS} distinct numbers are counted.
     */
    private static Map<String, Double> numberFeatures(StoryInput input) {
        Map<String, Integer> counts = new HashMap<>();
        LeadNumbers.count(cut(input.title(), MAX_TITLE_CHARS), counts, MAX_NUMBERS);
        for (String p : lead(input.body())) {
            LeadNumbers.count(p, counts, MAX_NUMBERS);
        }
        List<ScoredTerm> scored = new ArrayList<>(counts.size());
        counts.forEach((number, n) -> scored.add(new ScoredTerm(number, Math.sqrt(n) * numberWeight(number))));
        return strongest(scored, "n:", NUMBER_TERMS);
    }

    /** The {@code max} strongest of {@code scored} (ties by term), each under its block's {@code prefix}. */
    private static Map<String, Double> strongest(List<ScoredTerm> scored, String prefix, int max) {
        Collections.sort(scored);
        Map<String, Double> kept = sized(max);
        for (ScoredTerm t : scored.subList(0, Math.min(max, scored.size()))) {
            kept.put(prefix + t.term(), t.score());
        }
        return kept;
    }

    /**
     * How much a number says about one event: the more digits, the less likely two reports share it by chance (12 ->
     * 1, 250 -> 2, 6.1 -> 2, 2,500 -> 3); a year only 1, as every report of its time prints it.
     */
    static double numberWeight(String number) {
        return LeadNumbers.isYear(number) ? 1 : Math.min(3, number.length() - 1);
    }

    /** Whether a term with its block's two-character prefix ({@code e:}, {@code k:}, ...) is over the bound. */
    private static boolean tooLong(String term) {
        return term.length() + 2 > MAX_TERM_CHARS;
    }

    /** {@code text} cut to at most {@code max} characters, never inside a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** A body term's weight: {@code sqrt(tf) * idf^1.5} (see the class comment). */
    static double bodyWeight(int count, double idf) {
        return Math.sqrt(count) * idf * Math.sqrt(idf);
    }

    /**
     * A body or number term and its score; strongest first, then by term. Comparable rather than a composed {@code Comparator}:
     * the sort of every article's few hundred terms then calls this method directly (the composed comparator's
     * lambdas were a tenth of the features' CPU in a profile).
     */
    private record ScoredTerm(String term, double score) implements Comparable<ScoredTerm> {
        @Override
        public int compareTo(ScoredTerm other) {
            int byScore = Double.compare(other.score, score);
            return byScore != 0 ? byScore : term.compareTo(other.term);
        }
    }

    /** Whether a term can be a blocking or story key: an entity ({@code e:}, {@code p:}) or a keyword ({@code k:}). */
    static boolean isKeyTerm(String term) {
        return term.startsWith(ACTOR) || term.startsWith(PLACE) || term.startsWith("k:");
    }

    /** Whether a term names an entity, an actor or a place. */
    static boolean isEntityTerm(String term) {
        return term.startsWith(ACTOR) || term.startsWith(PLACE);
    }

    /** The strongest entity and keyword features (ties by name, so the choice is deterministic). */
    private List<String> blockingKeys(Map<String, Double> vector) {
        List<Map.Entry<String, Double>> keyed = new ArrayList<>();
        for (Map.Entry<String, Double> e : vector.entrySet()) {
            if (isKeyTerm(e.getKey())) {
                keyed.add(e);
            }
        }
        keyed.sort(STRONGEST_FIRST);
        return keyed.stream()
                .limit(params.blockingKeys())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Terms strongest first, ties by term: the one order of blocking keys, pruning, labels and encoders (the same
     * story is always the same bytes). A class rather than a composed {@code Comparator}, whose lambdas showed in the
     * stage's profile: every added article and every encoded message is sorted.
     */
    public static final Comparator<Map.Entry<String, Double>> STRONGEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Map.Entry<String, Double> a, Map.Entry<String, Double> b) {
            return compareStrongest(a.getKey(), a.getValue(), b.getKey(), b.getValue());
        }
    };

    /** {@link #STRONGEST_FIRST} for a term and weight held apart (a story's centroid arrays). */
    static int compareStrongest(String term, double weight, String otherTerm, double otherWeight) {
        int byWeight = Double.compare(otherWeight, weight);
        return byWeight != 0 ? byWeight : term.compareTo(otherTerm);
    }

    /** A map that holds {@code entries} without rehashing: the vector is rebuilt for every article. */
    private static <V> Map<String, V> sized(int entries) {
        return new HashMap<>((int) (entries / 0.75f) + 1);
    }

    private static void addBlock(Map<String, Double> vector, Map<String, Double> block, double share) {
        double max =
                block.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (max <= 0) {
            return;
        }
        block.forEach((k, w) -> vector.merge(k, share * w / max, Double::sum));
    }

    private static double kindFactor(String type) {
        return switch (type) {
            case "PERSON" -> 1.0;
            case "ORGANIZATION" -> 0.8;
            case "LOCATION" -> 0.6;
            default -> 0.7;
        };
    }
}
