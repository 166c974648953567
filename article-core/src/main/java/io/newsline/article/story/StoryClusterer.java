package io.newsline.article.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Online story clustering: each article joins the most similar story among the candidates it shares a blocking key
 * with, or starts a story.
 *
 * <ol>
 *   <li>Candidates: the stories indexed under the article's blocking keys (its strongest entities and keywords,
 *       {@link StoryFeatures#blockingKeys()}), never a scan of all stories. A story is indexed under its own
 *       strongest terms, which follow its centroid as it grows; each key keeps its {@code maxStoriesPerKey} most
 *       recently active stories.
 *   <li>Time: a story is <em>open</em> while its articles keep coming: an article within {@code openFor} of the
 *       story's dates joins at {@code threshold}; later (or earlier) than that it needs {@code lateThreshold}, so a
 *       development months later joins on strong evidence only; beyond {@code retention} the story is closed to it.
 *       Only dates printed in the articles count ({@link StoryInput#dated()}): a file or ingest time says when an
 *       article reached us, not when its event happened. Bounding the state by time (closed stories leave the
 *       index) is the repository's job, against stream time, in the app.
 *   <li>Decision: the candidate with the highest cosine similarity between the article's vector and the story's
 *       centroid, if it reaches its threshold; ties go to the smaller story id. A new story is named after its first
 *       article ({@link Story#idFor}).
 * </ol>
 *
 * <p>Deterministic for a given order of articles: no clock, no randomness, every iteration in a sorted order. Order
 * matters in two ways, as for any single-pass clustering: which article starts a story (its id, and the centroid
 * the next ones are compared with), and an article that would have matched a story formed only from later articles
 * stays on its own story (there are no merges).
 */
public final class StoryClusterer {
    private final StoryParams params;
    private final StoryRepository repository;
    private final StoryFeatureExtractor extractor;

    public StoryClusterer(StoryParams params, StoryRepository repository) {
        this.params = params;
        this.repository = repository;
        this.extractor = new StoryFeatureExtractor(params);
    }

    public StoryFeatures features(StoryInput input) {
        return extractor.extract(input);
    }

    public StoryAssignment assign(StoryInput input) {
        return assign(extractor.extract(input));
    }

    public StoryAssignment assign(StoryFeatures article) {
        long retention = params.retention().toMillis(); // against printed dates; see Story#gapMillis
        long openFor = params.openFor().toMillis();
        Set<String> candidates = new TreeSet<>();
        for (String key : article.blockingKeys()) {
            for (StoryRepository.Posting p : repository.postings(key)) {
                candidates.add(p.storyId());
            }
        }
        Story best = null;
        double bestSimilarity = -1;
        for (String id : candidates) {
            Story story = repository.story(id);
            if (story == null) {
                continue;
            }
            long gap = story.gapMillis(article);
            if (gap > retention) {
                continue;
            }
            double similarity = article.cosine(story.centroid(), story.norm());
            double needed = gap <= openFor ? params.threshold() : params.lateThreshold();
            if (similarity >= needed && similarity > bestSimilarity) {
                best = story;
                bestSimilarity = similarity;
            }
        }
        boolean started = best == null;
        Story story = started ? Story.start(article) : best;
        List<String> keysBefore = started ? List.of() : story.keys(params.storyKeys());
        story.add(article, params.maxTerms());
        repository.putStory(story);
        reindex(story, keysBefore);
        return new StoryAssignment(story.id(), started, started ? 1.0 : bestSimilarity, story, candidates.size());
    }

    /** Moves the story to its current keys and refreshes its date there, each key keeping its most recent stories. */
    private void reindex(Story story, List<String> keysBefore) {
        List<String> keys = story.keys(params.storyKeys());
        Set<String> now = new HashSet<>(keys);
        for (String key : keysBefore) {
            if (!now.contains(key)) {
                List<StoryRepository.Posting> postings = new ArrayList<>(repository.postings(key));
                postings.removeIf(p -> p.storyId().equals(story.id()));
                repository.putPostings(key, postings);
            }
        }
        for (String key : keys) {
            List<StoryRepository.Posting> postings = new ArrayList<>(repository.postings(key));
            postings.removeIf(p -> p.storyId().equals(story.id()));
            postings.add(new StoryRepository.Posting(story.id(), story.lastPublishedAt()));
            postings.sort(RECENT_FIRST);
            if (postings.size() > params.maxStoriesPerKey()) {
                postings = postings.subList(0, params.maxStoriesPerKey());
            }
            repository.putPostings(key, postings);
        }
    }

    static final Comparator<StoryRepository.Posting> RECENT_FIRST = Comparator.comparingLong(
                    StoryRepository.Posting::lastPublishedAt)
            .reversed()
            .thenComparing(StoryRepository.Posting::storyId);
}
