package io.newsline.article.story;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One article as story clustering sees it.
 *
 * @param articleId the article
 * @param publishedAt epoch milliseconds
 * @param dated whether the date is from the article's text (see {@link StoryInput#dated()})
 * @param title the headline
 * @param vector a unit-length sparse vector: {@code e:<entity id>}, {@code k:<keyword>}, {@code b:<body term>} and {@code t:<headline
 *     term>} features with their weights
 * @param blockingKeys the strongest entity and keyword features, strongest first: the keys under which candidate
 *     stories are looked up
 * @param names display names of the entity features ({@code e:tara-reid} -> {@code Tara Reid}), for labels
 */
public record StoryFeatures(
        String articleId,
        long publishedAt,
        boolean dated,
        String title,
        Map<String, Double> vector,
        List<String> blockingKeys,
        Map<String, String> names) {
    public StoryFeatures {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
        vector = Map.copyOf(vector);
        blockingKeys = List.copyOf(blockingKeys);
        names = Map.copyOf(names);
    }

    /** Cosine similarity with a centroid given as term sums and its norm (0 when either is empty). */
    public double cosine(Map<String, Double> centroid, double centroidNorm) {
        if (centroidNorm <= 0) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<String, Double> e : vector.entrySet()) {
            Double c = centroid.get(e.getKey());
            if (c != null) {
                dot += c * e.getValue();
            }
        }
        return dot / centroidNorm; // the article's vector has unit length
    }
}
