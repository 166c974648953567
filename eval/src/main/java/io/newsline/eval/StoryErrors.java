package io.newsline.eval;

import io.newsline.article.story.StoryFeatures;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An error analysis of a clustering against gold events (ECB+; offline, {@code eval-stories --errors N}): which events
 * split into several stories (recall loss) and which stories hold several events (precision loss), with what each
 * costs in B-cubed, and for the worst cases how similar the parts are, block by block ({@code e:} actors, {@code p:}
 * places, {@code k:} keywords, {@code t:} headline, {@code b:} body terms), and which dates the articles print.
 *
 * <p>B-cubed cost: recall is the mean over articles of the share of its event in its story, so an event's loss is the
 * sum over its articles of {@code 1 - share}, over the article count (the F1 points it costs are about that); a
 * story's precision loss likewise, from the share of its story that is its event.
 */
final class StoryErrors {
    private static final String[] BLOCKS = {"e:", "p:", "k:", "t:", "b:"};

    private final Map<String, String> storyOf; // article id -> story
    private final Map<String, String> eventOf; // article id -> event (articles with a label only)
    private final Map<String, StoryFeatures> features;

    StoryErrors(Map<String, String> storyOf, Map<String, String> eventOf, Map<String, StoryFeatures> features) {
        this.storyOf = storyOf;
        this.eventOf = eventOf;
        this.features = features;
    }

    /** One event's or story's loss: its id, its articles, the parts it is in (part id -> articles). */
    record Loss(String id, double cost, Map<String, List<String>> parts) {
        int articles() {
            return parts.values().stream().mapToInt(List::size).sum();
        }
    }

    /** Events split over stories, most costly first (recall loss). */
    List<Loss> splitEvents() {
        return losses(eventOf, storyOf);
    }

    /** Stories of several events, most costly first (precision loss). */
    List<Loss> mixedStories() {
        return losses(storyOf, eventOf);
    }

    /** Groups by {@code outer}, parts by {@code inner}: the loss of each group of more than one part. */
    private List<Loss> losses(Map<String, String> outer, Map<String, String> inner) {
        Map<String, Map<String, List<String>>> groups = new TreeMap<>();
        for (String id : eventOf.keySet()) {
            if (!storyOf.containsKey(id)) {
                continue;
            }
            groups.computeIfAbsent(outer.get(id), g -> new TreeMap<>())
                    .computeIfAbsent(inner.get(id), p -> new ArrayList<>())
                    .add(id);
        }
        int n = (int) eventOf.keySet().stream().filter(storyOf::containsKey).count();
        List<Loss> losses = new ArrayList<>();
        groups.forEach((group, parts) -> {
            if (parts.size() < 2) {
                return;
            }
            int size = parts.values().stream().mapToInt(List::size).sum();
            double lost = 0;
            for (List<String> part : parts.values()) {
                lost += part.size() * (1 - (double) part.size() / size);
            }
            losses.add(new Loss(group, lost / n, parts));
        });
        losses.sort(Comparator.comparingDouble(Loss::cost).reversed().thenComparing(Loss::id));
        return losses;
    }

    /** Prints the {@code worst} costliest split events and mixed stories, with the date coverage. */
    void print(int worst, Map<String, Boolean> dated, PrintWriter out) {
        List<Loss> split = splitEvents();
        List<Loss> mixed = mixedStories();
        out.printf(
                Locale.ROOT,
                "%nerrors: %d of %d events split (recall loss %.4f), %d stories hold several events (precision loss"
                        + " %.4f), of which %d hold events of one topic only%n",
                split.size(),
                eventOf.values().stream().distinct().count(),
                split.stream().mapToDouble(Loss::cost).sum(),
                mixed.size(),
                mixed.stream().mapToDouble(Loss::cost).sum(),
                mixed.stream().filter(l -> topics(l.parts().keySet()) == 1).count());
        int minorParts = 0;
        int singleParts = 0;
        for (Loss loss : split) {
            int largest =
                    loss.parts().values().stream().mapToInt(List::size).max().orElse(0);
            minorParts += loss.parts().size() - 1;
            // the largest part counts once even when another part has its size
            singleParts += (int) loss.parts().values().stream()
                            .filter(p -> p.size() == 1)
                            .count()
                    - (largest == 1 ? 1 : 0);
        }
        out.printf(
                Locale.ROOT,
                "split events: %d parts besides each event's largest, %d of them single articles; recall loss by"
                        + " kind of event (the name after '_'): %s%n",
                minorParts,
                singleParts,
                byKind(split));
        long withDate = dated.values().stream().filter(d -> d).count();
        out.printf(Locale.ROOT, "dates printed and read: %d of %d articles%n", withDate, dated.size());
        out.printf(
                Locale.ROOT,
                "%nevents split (recall), worst %d: event, articles, cost, parts (story: articles)%n",
                worst);
        for (Loss loss : split.subList(0, Math.min(worst, split.size()))) {
            printLoss(loss, out);
        }
        out.printf(Locale.ROOT, "%nstories of several events (precision), worst %d%n", worst);
        for (Loss loss : mixed.subList(0, Math.min(worst, mixed.size()))) {
            printLoss(loss, out);
        }
    }

    /** Recall loss summed by the part of the event's name after its first '_' ({@code ecb}, {@code ecbplus}). */
    private static String byKind(List<Loss> losses) {
        Map<String, Double> kinds = new TreeMap<>();
        for (Loss loss : losses) {
            int cut = loss.id().indexOf('_');
            kinds.merge(cut < 0 ? "" : loss.id().substring(cut + 1), loss.cost(), Double::sum);
        }
        StringBuilder s = new StringBuilder();
        kinds.forEach((k, v) -> s.append(String.format(Locale.ROOT, "%s %.4f, ", k, v)));
        return s.length() == 0 ? "none" : s.substring(0, s.length() - 2);
    }

    private void printLoss(Loss loss, PrintWriter out) {
        out.printf(Locale.ROOT, "%s  %d articles  cost %.4f%n", loss.id(), loss.articles(), loss.cost());
        List<Map.Entry<String, List<String>>> parts =
                new ArrayList<>(loss.parts().entrySet());
        parts.sort(Comparator.comparingInt(
                        (Map.Entry<String, List<String>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        Map<String, Double> main = centroid(parts.get(0).getValue());
        for (Map.Entry<String, List<String>> part : parts) {
            Map<String, Double> c = centroid(part.getValue());
            out.printf(
                    Locale.ROOT,
                    "  %-32s %3d (%d dated)  %s%s%n",
                    part.getKey(),
                    part.getValue().size(),
                    part.getValue().stream()
                            .filter(id -> features.get(id).dated())
                            .count(),
                    part == parts.get(0) ? "(largest part)" : "to largest: " + blocks(c, main),
                    part == parts.get(0) ? "" : "  shared: " + shared(c, main, 6));
            for (String id :
                    part.getValue().subList(0, Math.min(3, part.getValue().size()))) {
                StoryFeatures f = features.get(id);
                out.printf(Locale.ROOT, "      %s %s  %s%n", f.dated() ? "dated " : "undated", id, f.title());
            }
        }
    }

    /** ECB+ events are named {@code <topic>_<ecb|ecbplus>}: the number of topics among {@code events}. */
    private static long topics(java.util.Collection<String> events) {
        return events.stream()
                .map(e -> e.substring(0, e.indexOf('_') < 0 ? e.length() : e.indexOf('_')))
                .distinct()
                .count();
    }

    private Map<String, Double> centroid(List<String> ids) {
        Map<String, Double> sum = new HashMap<>();
        for (String id : ids) {
            features.get(id).vector().forEach((k, w) -> sum.merge(k, w, Double::sum));
        }
        return sum;
    }

    /** Cosine of two centroids and each block's part of it. */
    static String blocks(Map<String, Double> a, Map<String, Double> b) {
        double na = norm(a);
        double nb = norm(b);
        Map<String, Double> byBlock = new LinkedHashMap<>();
        for (String block : BLOCKS) {
            byBlock.put(block, 0.0);
        }
        double total = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double w = b.get(e.getKey());
            if (w != null) {
                double part = e.getValue() * w / (na * nb);
                total += part;
                byBlock.merge(e.getKey().substring(0, 2), part, Double::sum);
            }
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "cos %.3f (", total));
        byBlock.forEach((k, v) -> s.append(String.format(Locale.ROOT, "%s%.3f ", k, v)));
        return s.toString().strip() + ")";
    }

    /** The {@code top} shared features that add most to the cosine. */
    static String shared(Map<String, Double> a, Map<String, Double> b, int top) {
        List<Map.Entry<String, Double>> parts = new ArrayList<>();
        double n = norm(a) * norm(b);
        a.forEach((k, w) -> {
            Double v = b.get(k);
            if (v != null) {
                parts.add(Map.entry(k, w * v / n));
            }
        });
        parts.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Double> e : parts.subList(0, Math.min(top, parts.size()))) {
            s.append(String.format(Locale.ROOT, "%s %.3f, ", e.getKey(), e.getValue()));
        }
        return s.length() == 0 ? "nothing" : s.substring(0, s.length() - 2);
    }

    private static double norm(Map<String, Double> v) {
        return Math.sqrt(v.values().stream().mapToDouble(w -> w * w).sum());
    }
}
