package io.newsline.article.similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The near-duplicate algorithm of the topology in one process, without Kafka: an LSH index of band keys and the
 * shingle sets of the articles added so far. {@link #add} finds the earlier articles that share a band with the
 * new one, verifies each by exact Jaccard similarity and keeps those at or above the threshold. The evaluation
 * and benchmark command use it; the topology splits the same steps over partitions.
 */
public final class NearDuplicateIndex {
    /** A verified near duplicate: an earlier article and the exact similarity. */
    public record Match(String articleId, double similarity) {}

    private final ArticleSketch.Sketcher sketcher;
    private final double threshold;
    private final boolean estimateOnly;
    private final List<int[]> signatures = new ArrayList<>();
    private final Map<Long, List<Integer>> bands = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<int[]> shingleSets = new ArrayList<>();
    private long candidates;

    public NearDuplicateIndex(ArticleSketch.Sketcher sketcher, double threshold) {
        this(sketcher, threshold, false);
    }

    /**
     * @param estimateOnly verify candidates by the MinHash estimate instead of the exact similarity: only to show
     *     what exact verification buys (the evaluation command's {@code --verify estimate})
     */
    public NearDuplicateIndex(ArticleSketch.Sketcher sketcher, double threshold, boolean estimateOnly) {
        this.sketcher = sketcher;
        this.threshold = threshold;
        this.estimateOnly = estimateOnly;
    }

    /** Adds an article given by its shingle set and returns the earlier articles it is a near duplicate of. */
    public List<Match> add(String articleId, int[] shingles) {
        return add(articleId, sketcher.ofShingles(shingles));
    }

    /** Adds an article given by its sketch and returns the earlier articles it is a near duplicate of. */
    public List<Match> add(String articleId, ArticleSketch sketch) {
        int[] shingles = sketch.shingles();
        int self = ids.size();
        List<Match> matches = new ArrayList<>();
        java.util.BitSet checked = new java.util.BitSet();
        for (long key : sketch.bandKeys()) {
            List<Integer> members = bands.computeIfAbsent(key, k -> new ArrayList<>(2));
            for (int member : members) {
                if (!checked.get(member)) {
                    checked.set(member);
                    candidates++;
                    double similarity = estimateOnly
                            ? Jaccard.estimate(sketch.signature(), signatures.get(member))
                            : Jaccard.exact(shingles, shingleSets.get(member));
                    if (similarity >= threshold) {
                        matches.add(new Match(ids.get(member), similarity));
                    }
                }
            }
            members.add(self);
        }
        ids.add(articleId);
        shingleSets.add(shingles);
        if (estimateOnly) {
            signatures.add(sketch.signature());
        }
        return matches;
    }

    /** How many distinct candidate pairs have been verified so far. */
    public long candidatesVerified() {
        return candidates;
    }

    public int size() {
        return ids.size();
    }
}
