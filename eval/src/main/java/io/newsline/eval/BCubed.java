package io.newsline.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * B-cubed precision, recall and F1 of a clustering against gold classes (Bagga and Baldwin 1998): for each item,
 * precision is the share of its cluster that is in its class and recall the share of its class that is in its
 * cluster; both averaged over the items.
 */
public record BCubed(double precision, double recall, int items, int clusters, int classes) {

    public double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Scores {@code cluster} (item -> cluster id) against {@code gold} (item -> class); items in both only. */
    public static BCubed score(Map<String, String> cluster, Map<String, String> gold) {
        Map<String, Integer> clusterSize = new HashMap<>();
        Map<String, Integer> classSize = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        int items = 0;
        for (Map.Entry<String, String> e : cluster.entrySet()) {
            String g = gold.get(e.getKey());
            if (g == null) {
                continue;
            }
            items++;
            clusterSize.merge(e.getValue(), 1, Integer::sum);
            classSize.merge(g, 1, Integer::sum);
            both.merge(e.getValue() + "\u0000" + g, 1, Integer::sum);
        }
        if (items == 0) {
            return new BCubed(0, 0, 0, 0, 0);
        }
        double p = 0;
        double r = 0;
        for (Map.Entry<String, String> e : cluster.entrySet()) {
            String g = gold.get(e.getKey());
            if (g == null) {
                continue;
            }
            double overlap = both.get(e.getValue() + "\u0000" + g);
            p += overlap / clusterSize.get(e.getValue());
            r += overlap / classSize.get(g);
        }
        return new BCubed(p / items, r / items, items, clusterSize.size(), classSize.size());
    }
}
