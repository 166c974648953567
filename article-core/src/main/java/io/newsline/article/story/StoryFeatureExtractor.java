package io.newsline.article.story;

import io.newsline.article.enrich.DocumentFrequencies;
import io.newsline.article.enrich.HeadlineTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link StoryInput} into {@link StoryFeatures}: three blocks of features, each scaled to its share, then the
 * whole vector to unit length.
 *
 * <ul>
 *   <li>Entities ({@code e:}), the strongest evidence that two articles report one event (Tara Reid's rehab vs
 *       Lindsay Lohan's): {@code log(1 + mentions)} times a factor by kind (people and organisations name an event
 *       better than places, which many events share); the block's best scores 1.
 *   <li>Keywords ({@code k:}): the TF-IDF scores of enrichment (best 1), what the story is about (rehab, earthquake).
 *   <li>Headline terms ({@code t:}): every headline word but place names ({@link #placeNameTerms}) weighted by its
 *       background idf (best 1); a headline is the densest summary of the event.
 *   <li>Body terms ({@code b:}): of the first {@value #BODY_CHARS} characters of the body (news puts the event first), the {@value #BODY_TERMS} words (names included, places not) of highest {@code (1 + ln tf)
 *       * idf}; the ten keywords alone miss much of what two short reports of one event share.
 * </ul>
 *
 * <p>Shares (entities 1, keywords 0.6, headline 0.5, body 1) and the kind factors were tuned on ECB+ (docs/stories.md).
 */
public final class StoryFeatureExtractor {
    static final double ENTITY_SHARE = 1.0;
    static final double KEYWORD_SHARE = 0.6;
    static final double HEADLINE_SHARE = 0.5;
    static final double BODY_SHARE = 1.0;
    static final int BODY_TERMS = 60;
    static final int BODY_CHARS = 1500;

    private final StoryParams params;
    private final DocumentFrequencies background = DocumentFrequencies.shipped();

    public StoryFeatureExtractor(StoryParams params) {
        this.params = params;
    }

    public StoryFeatures extract(StoryInput input) {
        Map<String, Double> vector = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> headline = HeadlineTerms.of(input.title());
        Set<String> placeNames = placeNameTerms(input);

        Map<String, Double> entities = new HashMap<>();
        for (StoryInput.Entity e : input.entities()) {
            double w = kindFactor(e.type()) * Math.log1p(Math.max(1, e.mentions()));
            String key = "e:" + e.id();
            entities.merge(key, w, Double::sum);
            names.putIfAbsent(key, e.name());
        }
        addBlock(vector, entities, ENTITY_SHARE);

        Map<String, Double> keywords = new HashMap<>();
        for (StoryInput.Keyword k : input.keywords()) {
            keywords.merge("k:" + k.term(), Math.max(0, k.score()), Double::sum);
        }
        addBlock(vector, keywords, KEYWORD_SHARE);

        Map<String, Double> titleTerms = new HashMap<>();
        for (String term : headline) {
            if (!placeNames.contains(term)) {
                titleTerms.put("t:" + term, background.idf(term));
            }
        }
        addBlock(vector, titleTerms, HEADLINE_SHARE);

        if (BODY_SHARE > 0) {
            Map<String, Integer> counts = new HashMap<>();
            int chars = 0;
            for (String p : input.body()) {
                if (chars >= BODY_CHARS) {
                    break; // news puts the event first; the rest costs CPU and adds background
                }
                HeadlineTerms.counts(p, counts);
                chars += p.length();
            }
            counts.keySet().removeAll(placeNames);
            Map<String, Double> body = new HashMap<>();
            counts.forEach((term, n) -> body.put("b:" + term, (1 + Math.log(n)) * background.idf(term)));
            List<Map.Entry<String, Double>> top = new ArrayList<>(body.entrySet());
            top.sort(STRONGEST_FIRST);
            Map<String, Double> kept = new HashMap<>();
            top.stream().limit(BODY_TERMS).forEach(e -> kept.put(e.getKey(), e.getValue()));
            addBlock(vector, kept, BODY_SHARE);
        }

        double norm = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
        if (norm > 0) {
            vector.replaceAll((k, w) -> w / norm);
        }
        return new StoryFeatures(
                input.articleId(),
                input.publishedAt(),
                input.dated(),
                input.title(),
                vector,
                blockingKeys(vector),
                names);
    }

    /**
     * The words of the article's place names ({@code Ivory Coast} -> {@code ivory}, {@code coast}), as headline and
     * body terms spell them: they are left out of those blocks, so a place counts once, as its {@code e:} feature
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
     * The article's strongest blocking key, {@code blockingKeys().get(0)} of its features, computed without building
     * them (the app routes each article by it before it extracts the features): the strongest entity (entities
     * outweigh keywords, see the shares), else the best keyword, else {@code a:<article id>} (such an article finds
     * no candidate anyway).
     */
    public static String anchor(StoryInput input) {
        Map<String, Double> entities = new HashMap<>();
        for (StoryInput.Entity e : input.entities()) {
            entities.merge("e:" + e.id(), kindFactor(e.type()) * Math.log1p(Math.max(1, e.mentions())), Double::sum);
        }
        String best = strongest(entities);
        if (best != null) {
            return best;
        }
        Map<String, Double> keywords = new HashMap<>();
        for (StoryInput.Keyword k : input.keywords()) {
            keywords.merge("k:" + k.term(), Math.max(0, k.score()), Double::sum);
        }
        best = strongest(keywords);
        return best != null ? best : "a:" + input.articleId();
    }

    private static String strongest(Map<String, Double> block) {
        return block.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .min(STRONGEST_FIRST)
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** The strongest entity and keyword features (ties by name, so the choice is deterministic). */
    private List<String> blockingKeys(Map<String, Double> vector) {
        List<Map.Entry<String, Double>> keyed = new ArrayList<>();
        for (Map.Entry<String, Double> e : vector.entrySet()) {
            if (e.getKey().startsWith("e:") || e.getKey().startsWith("k:")) {
                keyed.add(e);
            }
        }
        keyed.sort(STRONGEST_FIRST);
        return keyed.stream()
                .limit(params.blockingKeys())
                .map(Map.Entry::getKey)
                .toList();
    }

    static final Comparator<Map.Entry<String, Double>> STRONGEST_FIRST =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

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
