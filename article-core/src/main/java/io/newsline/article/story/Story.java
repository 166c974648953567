package io.newsline.article.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one story: its id, how many articles it has, their first and last dates, and a centroid (the sum of
 * its articles' feature vectors, only the strongest terms kept) with the display names of its entity terms. Mutable;
 * owned by one {@link StoryClusterer} at a time.
 */
public final class Story {
    /** No article of the story prints its date. */
    public static final long NO_DATE = Long.MIN_VALUE;

    /** When the story was founded is not known (a story kept before this was recorded, or a test's). */
    public static final long UNKNOWN_FOUNDING = Long.MIN_VALUE;

    private final String id;
    private final String firstTitle;
    private int articles;
    private long firstPublishedAt;
    private long lastPublishedAt;
    private long datedFirst;
    private long datedLast;
    /**
     * The sum of its articles' vectors, only the strongest terms kept. Never changed in place: a change makes a new
     * vector, so a copy of the story shares it until either changes (a copy per candidate decision and per summary).
     */
    private TermVector centroid;

    private Map<String, String> names;
    /**
     * When its keeper founded it (wall clock in the app, decisions in {@link StoryClusterer}); the earliest of the two
     * after a merge. A twin is a story founded within the index's lag of this one (StoryKeeper's twin window).
     */
    private long foundedAt = UNKNOWN_FOUNDING;
    /** The centroid's length, computed on first use after a change (-1: not yet). */
    private double norm = -1;
    /**
     * The centroid's terms strongest first, ties by term, as indices into it, sorted on first use after a change
     * (null: not yet): pruning, the label, the keys, the summary and the encoders all read this order, and sorting a
     * centroid once per change instead of once per use saves most of the stage's sorting (JFR: about 60 of its 382
     * samples were sorts).
     */
    private int[] strongestOrder;
    /** {@link #strongestOrder} as entries, for encoders (null: not built since the last change). */
    private List<Map.Entry<String, Double>> strongestFirst;

    public Story(
            String id,
            String firstTitle,
            int articles,
            long firstPublishedAt,
            long lastPublishedAt,
            long datedFirst,
            long datedLast,
            Map<String, Double> centroid,
            Map<String, String> names) {
        this.id = Objects.requireNonNull(id, "id");
        this.firstTitle = Objects.requireNonNull(firstTitle, "firstTitle");
        this.articles = articles;
        this.firstPublishedAt = firstPublishedAt;
        this.lastPublishedAt = lastPublishedAt;
        this.datedFirst = datedFirst;
        this.datedLast = datedLast;
        this.centroid = TermVector.of(centroid);
        this.names = new HashMap<>(names);
    }

    /** As the other constructor, with when the story was founded ({@link #UNKNOWN_FOUNDING} if not known). */
    public Story(
            String id,
            String firstTitle,
            int articles,
            long firstPublishedAt,
            long lastPublishedAt,
            long datedFirst,
            long datedLast,
            Map<String, Double> centroid,
            Map<String, String> names,
            long foundedAt) {
        this(id, firstTitle, articles, firstPublishedAt, lastPublishedAt, datedFirst, datedLast, centroid, names);
        this.foundedAt = foundedAt;
    }

    /**
     * A story as an encoder wrote it: its centroid's {@code terms} with their {@code weights} in the order of {@link
     * #sortedCentroid}. When they are still in that order (weights written as floats can tie where the doubles did not),
     * it is kept as the story's own, which spares sorting every decoded summary; otherwise the story sorts them on first
     * use. A term written twice counts once, with its last weight.
     */
    public static Story decoded(
            String id,
            String firstTitle,
            int articles,
            long firstPublishedAt,
            long lastPublishedAt,
            long datedFirst,
            long datedLast,
            String[] terms,
            double[] weights,
            Map<String, String> names,
            long foundedAt) {
        Story story = new Story(
                id,
                firstTitle,
                articles,
                firstPublishedAt,
                lastPublishedAt,
                datedFirst,
                datedLast,
                Map.of(),
                names,
                foundedAt);
        int[] order = new int[terms.length];
        TermVector centroid = TermVector.of(terms, weights, order);
        if (centroid.hasRepeatedTerm()) {
            // Not written by this story's encoder: read it as a map would (the last weight of a term wins).
            Map<String, Double> map = new HashMap<>();
            for (int i = 0; i < terms.length; i++) {
                map.put(terms[i], weights[i]);
            }
            story.centroid = TermVector.of(map);
            return story;
        }
        boolean strongestFirst = true;
        for (int k = 1; k < terms.length && strongestFirst; k++) {
            strongestFirst =
                    StoryFeatureExtractor.compareStrongest(terms[k - 1], weights[k - 1], terms[k], weights[k]) < 0;
        }
        story.centroid = centroid;
        story.strongestOrder = strongestFirst ? order : null;
        return story;
    }

    /**
     * A story's id from the id of the article that starts it: stable whatever the partition or instance. The app's
     * article ids are SHA-256 hex, so 16 hex digits (64 bits) are unique among any realistic number of stories;
     * other ids (file paths in the evaluation) are used whole.
     */
    public static String idFor(String articleId) {
        boolean hex = articleId.length() == 64 && articleId.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        return "story-" + (hex ? articleId.substring(0, 16) : articleId);
    }

    /** An empty story with the given id, titled after its first article (which {@link #add} then adds). */
    static Story start(String id, StoryFeatures first) {
        Story s = new Story(
                id, first.title(), 0, first.publishedAt(), first.publishedAt(), NO_DATE, NO_DATE, Map.of(), Map.of());
        return s;
    }

    void add(StoryFeatures article, int maxTerms) {
        add(article, TermVector.of(article.vector()), maxTerms);
    }

    /** {@link #add(StoryFeatures, int)} with the article's vector already sorted ({@link TermVector#of}). */
    void add(StoryFeatures article, TermVector vector, int maxTerms) {
        if (articles == 0) {
            firstPublishedAt = article.publishedAt();
            lastPublishedAt = article.publishedAt();
        } else {
            firstPublishedAt = Math.min(firstPublishedAt, article.publishedAt());
            lastPublishedAt = Math.max(lastPublishedAt, article.publishedAt());
        }
        if (article.dated()) {
            datedFirst = datedFirst == NO_DATE ? article.publishedAt() : Math.min(datedFirst, article.publishedAt());
            datedLast = datedLast == NO_DATE ? article.publishedAt() : Math.max(datedLast, article.publishedAt());
        }
        articles++;
        changed();
        centroid = centroid.plus(vector);
        article.names().forEach(names::putIfAbsent);
        prune(maxTerms);
    }

    /**
     * Adds a story found to be the same as this one (a merge): its articles, dates and centroid. Only the strongest
     * {@code maxTerms} terms stay.
     */
    void absorb(Story other, int maxTerms) {
        if (other.articles == 0) {
            return;
        }
        firstPublishedAt = articles == 0 ? other.firstPublishedAt : Math.min(firstPublishedAt, other.firstPublishedAt);
        lastPublishedAt = articles == 0 ? other.lastPublishedAt : Math.max(lastPublishedAt, other.lastPublishedAt);
        if (other.datedFirst != NO_DATE) {
            datedFirst = datedFirst == NO_DATE ? other.datedFirst : Math.min(datedFirst, other.datedFirst);
            datedLast = datedLast == NO_DATE ? other.datedLast : Math.max(datedLast, other.datedLast);
        }
        articles += other.articles;
        if (other.foundedAt != UNKNOWN_FOUNDING) {
            foundedAt = foundedAt == UNKNOWN_FOUNDING ? other.foundedAt : Math.min(foundedAt, other.foundedAt);
        }
        changed();
        centroid = centroid.plus(other.centroid);
        other.names.forEach(names::putIfAbsent);
        prune(maxTerms);
    }

    private void changed() {
        norm = -1;
        strongestOrder = null;
        strongestFirst = null;
    }

    private void prune(int maxTerms) {
        if (centroid.size() > maxTerms) {
            int[] order = strongestOrder();
            boolean[] keep = new boolean[order.length];
            for (int k = 0; k < maxTerms; k++) {
                keep[order[k]] = true;
            }
            int[] indexAfter = new int[order.length]; // where each kept term is once the others are gone
            for (int i = 0, n = 0; i < keep.length; i++) {
                indexAfter[i] = n;
                n += keep[i] ? 1 : 0;
            }
            int[] kept = new int[maxTerms];
            for (int k = 0; k < maxTerms; k++) {
                kept[k] = indexAfter[order[k]];
            }
            centroid = centroid.retain(keep);
            changed();
            strongestOrder = kept; // still in order
        }
        if (!names.isEmpty()) {
            names.keySet().removeIf(term -> !centroid.contains(term));
        }
    }

    /** The centroid's indices strongest first, ties by term (see the field). */
    private int[] strongestOrder() {
        if (strongestOrder == null) {
            TermVector c = centroid;
            Integer[] order = new Integer[c.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(
                    order,
                    (a, b) -> StoryFeatureExtractor.compareStrongest(c.term(a), c.weight(a), c.term(b), c.weight(b)));
            int[] sorted = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                sorted[i] = order[i];
            }
            strongestOrder = sorted;
        }
        return strongestOrder;
    }

    /** The centroid's terms strongest first, ties by term (immutable entries). */
    private List<Map.Entry<String, Double>> strongestFirst() {
        if (strongestFirst == null) {
            int[] order = strongestOrder();
            List<Map.Entry<String, Double>> all = new ArrayList<>(order.length);
            for (int i : order) {
                all.add(Map.entry(centroid.term(i), centroid.weight(i)));
            }
            strongestFirst = java.util.Collections.unmodifiableList(all);
        }
        return strongestFirst;
    }

    /** A copy that changes independently of this story (it shares the centroid, which neither changes in place). */
    public Story copy() {
        Story copy = new Story(
                id, firstTitle, articles, firstPublishedAt, lastPublishedAt, datedFirst, datedLast, Map.of(), names);
        copy.centroid = centroid;
        copy.foundedAt = foundedAt;
        copy.norm = norm;
        copy.strongestOrder = strongestOrder;
        copy.strongestFirst = strongestFirst;
        return copy;
    }

    /**
     * What the matching index holds of this story: everything but the centroid's weaker terms (only the strongest
     * {@code terms} kept, which carry nearly all of its length).
     */
    public Story summary(int terms) {
        Story s = copy();
        s.prune(terms);
        return s;
    }

    /** Whether the article's vector and this story's centroid name an actor in common ({@link StoryParams#ACTORLESS_EXTRA}). */
    boolean sharesActor(TermVector article) {
        return article.sharesTermStartingWith(StoryFeatureExtractor.ACTOR, centroid);
    }

    /** Whether two stories' centroids name an actor in common. */
    boolean sharesActor(Story other) {
        return centroid.sharesTermStartingWith(StoryFeatureExtractor.ACTOR, other.centroid);
    }

    /** How many shared terms the article's similarity with this story rests on ({@link TermVector#dotBreadth}). */
    double breadth(TermVector article) {
        return article.dotBreadth(centroid);
    }

    /** How many shared terms the similarity of two stories' centroids rests on ({@link TermVector#dotBreadth}). */
    double breadth(Story other) {
        return centroid.dotBreadth(other.centroid);
    }

    /** Cosine similarity of two stories' centroids. */
    double cosine(Story other) {
        double n = norm() * other.norm();
        return n == 0 ? 0 : centroid.dot(other.centroid) / n;
    }

    /** Cosine similarity with an article's vector (of unit length), given as a {@link TermVector}. */
    double cosine(TermVector article) {
        double n = norm();
        return n <= 0 ? 0 : article.dot(centroid) / n;
    }

    /**
     * Computes what reading the story needs (its norm and the order of its terms) before the story is shared with
     * other threads.
     */
    public void prepareForReading() {
        norm();
        strongestOrder();
    }

    /**
     * How far apart the dates two stories' articles print lie (0 when they overlap or either has none).
     */
    long gapMillis(Story other) {
        if (datedFirst == NO_DATE || other.datedFirst == NO_DATE) {
            return 0;
        }
        return Math.max(0, Math.max(other.datedFirst - datedLast, datedFirst - other.datedLast));
    }

    /**
     * How far a dated article lies outside the dates its story's articles print (0 inside, and 0 when either side
     * has no date of its own: then time is no evidence).
     */
    long gapMillis(StoryFeatures article) {
        if (!article.dated() || datedFirst == NO_DATE) {
            return 0;
        }
        if (article.publishedAt() < datedFirst) {
            return datedFirst - article.publishedAt();
        }
        return Math.max(0, article.publishedAt() - datedLast);
    }

    /** The centroid's length (computed on first use after a change). */
    public double norm() {
        if (norm < 0) {
            norm = Math.sqrt(centroid.squaredLength());
        }
        return norm;
    }

    /** The strongest entity and keyword terms: the keys this story is indexed under. */
    public List<String> keys(int count) {
        List<String> keys = new ArrayList<>(count);
        for (int i : strongestOrder()) {
            if (keys.size() == count) {
                break;
            }
            String term = centroid.term(i);
            if (StoryFeatureExtractor.isKeyTerm(term)) {
                keys.add(term);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * A short descriptive label: the story's strongest entities (up to three) and its strongest keyword, e.g.
     * {@code Benjamin Netanyahu, Hamas, Gaza: hostage}; the first headline when it has neither.
     */
    public String label() {
        List<String> entities = new ArrayList<>();
        String keyword = null;
        for (int i : strongestOrder()) {
            String k = centroid.term(i);
            if (StoryFeatureExtractor.isEntityTerm(k) && entities.size() < 3 && names.containsKey(k)) {
                entities.add(names.get(k));
            } else if (k.startsWith("k:") && keyword == null) {
                keyword = k.substring(2);
            }
        }
        if (entities.isEmpty()) {
            return keyword == null ? firstTitle : keyword + ": " + firstTitle;
        }
        return String.join(", ", entities) + (keyword == null ? "" : ": " + keyword);
    }

    public String id() {
        return id;
    }

    /** When its keeper founded it, or {@link #UNKNOWN_FOUNDING}. */
    public long foundedAt() {
        return foundedAt;
    }

    /** Notes when its keeper founded it (once, as the keeper adds its first article). */
    void founded(long at) {
        foundedAt = at;
    }

    public String firstTitle() {
        return firstTitle;
    }

    public int articles() {
        return articles;
    }

    public long firstPublishedAt() {
        return firstPublishedAt;
    }

    public long lastPublishedAt() {
        return lastPublishedAt;
    }

    /** The earliest date printed by one of its articles, or {@link #NO_DATE}. */
    public long datedFirst() {
        return datedFirst;
    }

    /** The latest date printed by one of its articles, or {@link #NO_DATE}. */
    public long datedLast() {
        return datedLast;
    }

    /** The centroid's term sums (a read-only copy). */
    public Map<String, Double> centroid() {
        return java.util.Collections.unmodifiableMap(centroid.toMap());
    }

    /** Whether every centroid weight is a finite number (a decoded story's check). */
    public boolean finiteWeights() {
        for (int i = 0; i < centroid.size(); i++) {
            if (!Double.isFinite(centroid.weight(i))) {
                return false;
            }
        }
        return true;
    }

    /** Display names of the centroid's entity terms (a read-only view). */
    public Map<String, String> names() {
        return java.util.Collections.unmodifiableMap(names);
    }

    /**
     * The centroid in a stable order (strongest first, ties by term), for encoders that must write the same bytes
     * every time: the list the story keeps (immutable), not a copy.
     */
    public List<Map.Entry<String, Double>> sortedCentroid() {
        return strongestFirst();
    }
}
