package io.newsline.article.story;

import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Decides which story an article reports: the most similar among the stories the matching index lists under the
 * article's blocking keys (never a scan of all stories), if it reaches the threshold that the time rule sets;
 * otherwise a new story named after the article.
 *
 * <ul>
 *   <li>Time: a dated article within {@code openFor} of the dates a story's articles print joins at {@code
 *       threshold}; further away it needs {@code lateThreshold} (a development months later joins on strong
 *       evidence only); beyond {@code retention} the story is closed to it. Only dates printed in the articles count
 *       ({@link StoryInput#dated()}).
 *   <li>Size: a story beyond {@value StoryParams#CROWD_ONSET} articles needs more similarity to join ({@link
 *       #forSize}): a centroid of very many articles is generic.
 *   <li>Breadth: a similarity that rests on few shared terms needs {@link StoryParams#NARROW_EXTRA} more ({@link
 *       #reaches}).
 *   <li>Actors: an article that names none of the story's actors (people, organisations, other named things; places
 *       apart) needs {@link StoryParams#ACTORLESS_EXTRA} more ({@link #reaches}).
 *   <li>Ties go to the smaller story id; candidates are visited in id order: the same index and article always give
 *       the same answer.
 * </ul>
 *
 * Reads only; the story's keeper ({@link StoryKeeper}) adds the article to the story.
 */
public final class StoryMatcher {
    private final StoryParams params;

    public StoryMatcher(StoryParams params) {
        this.params = params;
    }

    /**
     * Where an article goes.
     *
     * @param storyId the story it joins, or the new story it founds ({@link Story#idFor})
     * @param founded whether it founds a story
     * @param similarity its similarity to the story it joins (1 when it founds one)
     * @param label the story's label with the article added (for its timeline entry)
     * @param candidates how many candidate stories were compared
     * @param story the story as this decision leaves it, with the article added (the index shows it only once the
     *     story's keeper has published it)
     */
    public record Match(
            String storyId, boolean founded, double similarity, String label, int candidates, Story story) {}

    /**
     * The similarity needed to join a story of {@code articles} articles, from the time rule's {@code threshold}: it
     * rises by {@value StoryParams#CROWD_SLOPE} per e-fold of the story's size beyond {@value
     * StoryParams#CROWD_ONSET} articles. The centroid of a story that keeps growing drifts to what its articles have
     * in common, often only the kind of report (a rating agency, debt, "dlr", "mln"), and then attracts the next
     * report of that kind about anyone: the larger the story, the more evidence joining it takes. Stories of one
     * event rarely reach the onset before their articles stop coming (ECB+'s largest event has 30 articles).
     */
    static double forSize(double threshold, int articles) {
        return articles <= StoryParams.CROWD_ONSET
                ? threshold
                : threshold + StoryParams.CROWD_SLOPE * Math.log((double) articles / StoryParams.CROWD_ONSET);
    }

    /**
     * Whether {@code similarity} is enough where the time and size rules ask for {@code needed}. A similarity that
     * rests on few shared terms ({@code breadth} under {@link StoryParams#NARROW_BREADTH}) needs {@link
     * StoryParams#NARROW_EXTRA} more; then the two sides must name an actor in common (a person, an organisation or
     * another named thing; places do not count), or else reach {@link StoryParams#ACTORLESS_EXTRA} more again. The
     * suppliers are asked only where they decide: the breadth from {@code needed} on, the actor from what the breadth
     * asks on, up to its extra.
     */
    static boolean reaches(double similarity, double needed, DoubleSupplier breadth, BooleanSupplier sharesActor) {
        if (similarity < needed) {
            return false;
        }
        double asked = needed;
        if (similarity < needed + StoryParams.NARROW_EXTRA + StoryParams.ACTORLESS_EXTRA
                && breadth.getAsDouble() < StoryParams.NARROW_BREADTH) {
            asked += StoryParams.NARROW_EXTRA;
        }
        return similarity >= asked && (similarity >= asked + StoryParams.ACTORLESS_EXTRA || sharesActor.getAsBoolean());
    }

    public Match match(StoryFeatures article, StoryIndex index) {
        Set<String> candidates = index.candidates(article.blockingKeys(), params.maxStoriesPerKey());
        TermVector vector = TermVector.of(article.vector()); // once for all the candidates
        Story best = null;
        double bestSimilarity = -1;
        for (String id : candidates) {
            Story story = index.summary(id);
            if (story == null) {
                continue;
            }
            long gap = story.gapMillis(article);
            if (gap > params.retention().toMillis()) {
                continue;
            }
            double similarity = story.cosine(vector);
            double needed = forSize(params.joinThreshold(gap), story.articles());
            if (reaches(similarity, needed, () -> story.breadth(vector), () -> story.sharesActor(vector))
                    && similarity > bestSimilarity) {
                best = story;
                bestSimilarity = similarity;
            }
        }
        if (best == null) {
            Story founded = Story.start(Story.idFor(article.articleId()), article);
            founded.add(article, vector, params.maxTerms());
            return new Match(founded.id(), true, 1.0, founded.label(), candidates.size(), founded);
        }
        Story joined = best.copy();
        joined.add(article, vector, params.maxTerms());
        return new Match(best.id(), false, bestSimilarity, joined.label(), candidates.size(), joined);
    }
}
