package io.newsline.article.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Keeps stories: the one writer of each story's state (in the app, the task that owns the story id's partition of
 * the story-updates topic). It adds the articles {@link StoryMatcher} sent to a story, publishes what the matching
 * index should hold of it, and merges two stories found to be one.
 *
 * <p>Merges repair what the index's lag does: two articles of a new event decided at the same moment on different
 * partitions, before either story was in the index, found twin stories. A while after a story is founded ({@link
 * #recheck}), once the index has caught up, the stories indexed under its keys are compared with it, centroid to
 * centroid; one similar enough ({@link #mergeThreshold}) is the same story. The story with the larger id is merged into the one with the smaller (a stable rule both
 * sides apply alike, so two keepers never merge each into the other and redirects never loop): it sends its whole
 * state to the survivor, leaves the index and becomes a redirect; an article sent to it later (the index lagged) is
 * sent on. The merge is published; the timeline side moves the merged story's entries to the survivor, so no
 * article is on two stories.
 *
 * <p>Pure: state through {@link Ledger}, everything else returned as {@link Effect}s for the caller to carry out.
 */
public final class StoryKeeper {
    private final StoryParams params;
    private final Ledger ledger;
    private final LongSupplier clock;

    /** A keeper that does not know when its stories were founded (no twin window: every look as before it). */
    public StoryKeeper(StoryParams params, Ledger ledger) {
        this(params, ledger, () -> Story.UNKNOWN_FOUNDING);
    }

    /** @param clock the time a story is founded at: the app's wall clock, or the evaluation's count of decisions */
    public StoryKeeper(StoryParams params, Ledger ledger, LongSupplier clock) {
        this.params = params;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The keeper's own state: each story it keeps, or where a merged story went. */
    public interface Ledger {
        /** The story's entry, or {@code null} when it has none (never seen, or expired). */
        Entry get(String storyId);

        /**
         * The same as {@link #get}, for a caller that only reads the entry: a ledger that hands out copies for the
         * keeper to change (the app's cache of recent stories) may return its own.
         */
        default Entry peek(String storyId) {
            return get(storyId);
        }

        void put(String storyId, Entry entry);

        void remove(String storyId);

        /** A ledger over a map (the evaluation and tests). */
        static Ledger of(java.util.Map<String, Entry> entries) {
            return new Ledger() {
                @Override
                public Entry get(String storyId) {
                    return entries.get(storyId);
                }

                @Override
                public void put(String storyId, Entry entry) {
                    entries.put(storyId, entry);
                }

                @Override
                public void remove(String storyId) {
                    entries.remove(storyId);
                }
            };
        }
    }

    /** A ledger entry. */
    public sealed interface Entry {}

    /** A story being kept. */
    public record Live(Story story) implements Entry {}

    /** A story merged into {@code into}: what is sent to it goes there. */
    public record MergedInto(String into) implements Entry {}

    /** What one story's keeper receives. */
    public sealed interface Message {}

    /** An article {@link StoryMatcher} put on the story. */
    public record Join(StoryFeatures article) implements Message {}

    /** A story merged into this one, with all its state. */
    public record Absorb(Story merged) implements Message {}

    /** This story was found to be the same as {@code into} (a smaller id): merge into it. */
    public record MergeInto(String into) implements Message {}

    /** What the caller carries out. */
    public sealed interface Effect {}

    /**
     * Publish the story's summary to the matching index (replacing the one there), indexed under {@code keys} (its
     * strongest entity and keyword terms, taken from the whole centroid: the summary keeps fewer terms). The index
     * derives its postings from this ({@link StoryPostings}), so one record says both what the story is and where
     * it is found.
     */
    public record PublishSummary(Story summary, List<String> keys) implements Effect {
        public PublishSummary {
            keys = List.copyOf(keys);
        }

        /** Where this summary puts its story in the index. */
        public StoryPostings postings() {
            return StoryPostings.of(summary, keys);
        }
    }

    /** Remove the story's summary, and so its postings, from the matching index. */
    public record RemoveSummary(String storyId) implements Effect {}

    /** Send a message to another story's keeper. */
    public record Send(String storyId, Message message) implements Effect {}

    /**
     * Call {@link #recheck} for this story once the index has caught up with it: asked for a story just founded,
     * which may have a twin founded at the same moment elsewhere.
     */
    public record ScheduleRecheck(String storyId) implements Effect {}

    /** A story was merged into another: published for consumers of the story timelines. */
    public record Merged(String storyId, String into, String label, int articles) implements Effect {}

    /**
     * Whether {@link #handle} sent {@code message} on unchanged: its story was merged into another (a redirect), and
     * the message goes to the survivor's keeper.
     */
    public static boolean sentOn(Message message, List<Effect> effects) {
        return effects.size() == 1 && effects.get(0) instanceof Send send && send.message() == message;
    }

    /** Handles one message sent to {@code storyId}. */
    public List<Effect> handle(String storyId, Message message) {
        Objects.requireNonNull(storyId, "storyId");
        Entry entry = ledger.get(storyId);
        if (entry instanceof MergedInto redirect) {
            // Everything goes on to the story this one went into, a merge request too: that story is the same story.
            return List.of(new Send(redirect.into(), message));
        }
        Story story = entry instanceof Live live ? live.story() : null;
        if (message instanceof Join join) {
            return add(storyId, story, join.article());
        }
        if (message instanceof Absorb absorb) {
            return absorb(storyId, story, absorb.merged());
        }
        String into = ((MergeInto) message).into();
        if (story == null || into.equals(storyId)) {
            return List.of();
        }
        // The id rule again: a request forwarded from a story merged meanwhile may name a larger id than this one.
        return into.compareTo(storyId) < 0 ? mergeInto(story, into) : List.of(new Send(into, new MergeInto(storyId)));
    }

    private List<Effect> add(String storyId, Story story, StoryFeatures article) {
        Story updated = story != null ? story : Story.start(storyId, article);
        if (story == null) {
            updated.founded(clock.getAsLong());
        }
        updated.add(article, params.maxTerms());
        ledger.put(storyId, new Live(updated));
        List<Effect> effects = new ArrayList<>();
        if (publishDue(updated.articles())) {
            effects.add(publication(updated, params));
        }
        if (story == null) {
            effects.add(new ScheduleRecheck(storyId));
        }
        return effects;
    }

    private List<Effect> absorb(String storyId, Story story, Story merged) {
        Story updated;
        if (story == null) {
            // Expired here meanwhile: the merged story's state starts it again under this id.
            updated = new Story(
                    storyId,
                    merged.firstTitle(),
                    0,
                    0,
                    0,
                    Story.NO_DATE,
                    Story.NO_DATE,
                    java.util.Map.of(),
                    java.util.Map.of());
        } else {
            updated = story;
        }
        updated.absorb(merged, params.maxTerms());
        ledger.put(storyId, new Live(updated));
        List<Effect> effects = new ArrayList<>();
        effects.add(publication(updated, params));
        // The survivor changed: it may now be the twin of a story neither of the two was similar enough to alone
        // (rechecks at the same moment pair each story with its nearest twin only, so an event decided blind would
        // otherwise end as several pairs). Not beyond the size rule's onset: one event's pieces are small, and a
        // large survivor looking after every merge went on absorbing stories of its kind one after another.
        if (updated.articles() <= StoryParams.CROWD_ONSET) {
            effects.add(new ScheduleRecheck(storyId));
        }
        return effects;
    }

    private List<Effect> mergeInto(Story story, String into) {
        ledger.put(story.id(), new MergedInto(into));
        List<Effect> effects = new ArrayList<>();
        effects.add(new RemoveSummary(story.id()));
        effects.add(new Send(into, new Absorb(story)));
        effects.add(new Merged(story.id(), into, story.label(), story.articles()));
        return effects;
    }

    /**
     * Forgets a story closed by time (its timeline stays): it leaves the ledger and the matching index. A redirect
     * of a merged story just leaves the ledger.
     */
    public List<Effect> forget(String storyId) {
        Entry entry = ledger.get(storyId);
        ledger.remove(storyId);
        if (!(entry instanceof Live)) {
            return List.of();
        }
        return List.of(new RemoveSummary(storyId));
    }

    /**
     * How many times a story looks for a twin ({@link #recheck}): a recheck delay after the index shows it (founded,
     * or changed by a merge), and again after three and nine delays while it finds none. The app (wall clock) and
     * {@link StoryClusterer} (articles' changes) both follow this rule.
     */
    public static final int LOOKS = 3;

    /** The recheck delays to wait before the next look after {@code looksTaken} looks found no twin: 1, 3, 9. */
    public static long delaysBeforeLook(int looksTaken) {
        return (long) Math.pow(3, looksTaken);
    }

    /**
     * Looks for stories that are the same as {@code storyId} (twins), once the index has caught up with it (the caller
     * waits long enough for stories founded at the same moment elsewhere to show): the most similar story under its
     * blocking keys, if similar enough ({@link #mergeThreshold}); the larger id of the two is merged into the smaller.
     */
    public List<Effect> recheck(String storyId, StoryIndex index) {
        return recheck(storyId, index, null, 0);
    }

    /**
     * As {@link #recheck(String, StoryIndex)}, where a twin must have been founded within the story's twin window of it
     * ({@link #twinWindow}; both founding times known): a story founded later saw this one in the index and did not
     * join it, so it is another story even when it has grown alike since (delayed looks chained genre stories that
     * way: the 10k run's largest story 590 -> 275 articles in the evaluation, docs/stories.md).
     *
     * @param shownAt when the index first showed the story (null: not known, no window)
     * @param marginMillis added to the window for other instances' indexes (0 in the evaluation)
     */
    public List<Effect> recheck(String storyId, StoryIndex index, Long shownAt, long marginMillis) {
        // Only reads the story (a merge sends it as it is): no copy needed.
        if (!(ledger.peek(storyId) instanceof Live live)) {
            return List.of();
        }
        Story story = live.story();
        return mergeCheck(story, index, twinWindow(story.foundedAt(), shownAt, marginMillis));
    }

    /** No twin window: every candidate may be a twin. */
    static final long NO_TWIN_WINDOW = -1;

    /**
     * The story's index lag, from its founding to when the index first showed it, plus {@code marginMillis}: a twin was
     * founded within it. {@link #NO_TWIN_WINDOW} when either time is not known.
     */
    static long twinWindow(long foundedAt, Long shownAt, long marginMillis) {
        if (shownAt == null || foundedAt == Story.UNKNOWN_FOUNDING) {
            return NO_TWIN_WINDOW;
        }
        return Math.max(0, shownAt - foundedAt) + marginMillis;
    }

    /** Whether two stories founded at these times can be twins, within {@code window}. */
    static boolean foundedTogether(long a, long b, long window) {
        return window < 0 || a == Story.UNKNOWN_FOUNDING || b == Story.UNKNOWN_FOUNDING || Math.abs(a - b) <= window;
    }

    /** Candidates as the matcher finds them (the story's strongest blocking keys): a twin is what it would have met. */
    private List<Effect> mergeCheck(Story story, StoryIndex index, long twinWindow) {
        Set<String> candidates = index.candidates(story.keys(params.blockingKeys()), params.maxStoriesPerKey());
        candidates.remove(story.id());
        Story best = null;
        double bestSimilarity = -1;
        for (String id : candidates) {
            Story other = index.summary(id);
            if (other == null
                    || story.gapMillis(other) > params.retention().toMillis()
                    || !foundedTogether(story.foundedAt(), other.foundedAt(), twinWindow)) {
                continue;
            }
            if (story.articles() > 1 && other.articles() == 1) {
                // A single article looks for its own twin, at the threshold it would have needed to join: a larger
                // story rechecking (after a merge) at that threshold chained events of one kind together.
                continue;
            }
            double similarity = story.cosine(other);
            if (StoryMatcher.reaches(
                            similarity,
                            mergeThreshold(story, other),
                            () -> story.breadth(other),
                            () -> story.sharesActor(other))
                    && similarity > bestSimilarity) {
                best = other;
                bestSimilarity = similarity;
            }
        }
        // Only the most similar: merging with every twin above the threshold (single linkage) chained events of one
        // kind together (ECB+ precision 0.87 -> 0.73 with the index 100 articles behind).
        if (best == null) {
            return List.of();
        }
        if (best.id().compareTo(story.id()) < 0) {
            return mergeInto(story, best.id());
        }
        return List.of(new Send(best.id(), new MergeInto(story.id())));
    }

    /**
     * The similarity two stories need to be merged. When one of them is a single article, it is what that article
     * needed to join the other (the join threshold, or the late one when their printed dates lie more than {@code
     * openFor} apart; or {@code mergeThreshold} if that is lower): it would have joined, had the other story been in
     * the index when it was decided. Two larger stories need {@code mergeThreshold}, raised by the size rule ({@link
     * StoryMatcher#forSize}) for the story the merge would make: centroids of several articles each agree less by
     * chance, and two large ones of one kind of report agree anyway.
     */
    private double mergeThreshold(Story a, Story b) {
        if (Math.min(a.articles(), b.articles()) > 1) {
            // The size rule of joining, for the story the merge would make: two generic stories of one kind of report
            // (earnings tables, "mln dlr") have centroids as similar as twins, and with the index lagging (a flood of
            // articles, a catch-up) chained merges of them grew one story of a fifth of the 10k run.
            return StoryMatcher.forSize(params.mergeThreshold(), a.articles() + b.articles());
        }
        // As the matcher asks of an article joining the larger of the two (time and size rules).
        double join = StoryMatcher.forSize(params.joinThreshold(a.gapMillis(b)), Math.max(a.articles(), b.articles()));
        return Math.min(join, params.mergeThreshold());
    }

    /**
     * Whether the summary is published after the story reaches {@code articles}: every time while it is small, then
     * about four times per doubling (a centroid of many articles moves little with one more); bounds the matching
     * topic's bytes per article.
     */
    static boolean publishDue(int articles) {
        return articles <= 8 || articles % Math.max(1, Integer.highestOneBit(articles) / 4) == 0;
    }

    /**
     * The story's summary with the keys it is indexed under. The postings follow the published summaries only: a
     * large story's keys and last active day can run ahead of its index entry until its next summary, which at worst
     * leaves it under yesterday's keys for a few articles (a centroid of many articles moves little with one more).
     */
    public static PublishSummary publication(Story story, StoryParams params) {
        return new PublishSummary(story.summary(params.summaryTerms()), story.keys(params.storyKeys()));
    }
}
