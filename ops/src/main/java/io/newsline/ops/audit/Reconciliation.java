package io.newsline.ops.audit;

import io.newsline.common.Topics;
import io.newsline.ops.audit.Violation.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The audit's logic over records in memory, fed topic by topic in offset order per key (as read), then
 * {@link #result()}. No Kafka here: {@link PipelineAudit} reads the topics into it, unit tests feed it directly.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>per article id, the outcomes (enriched records, duplicate notices whose {@code duplicateId} it is, and
 *       dead letters keyed by it that failed on news.articles.raw) must be exactly as many as its records on
 *       news.articles.raw: a file sent twice has the same id twice and gets one enriched record and one EXACT
 *       notice;
 *   <li>every topic of an enriched article (its latest enriched record) has a live entry
 *       {@code <topicId>|<articleId>} on news.timeline-entries (latest value per key; null = removed); for a story
 *       merged into another (news.story-merges), the entry is on the story its chain of merges ended in, and a
 *       merged story holds no live entry;
 *   <li>the latest snapshot per topic on news.timelines lists no article twice, and its total is the number of
 *       live entries of that topic; a topic with live entries but no snapshot counts as a total of 0.
 * </ul>
 */
public final class Reconciliation {
    /** The id under which records without a key are counted. */
    public static final String NO_KEY = "(no key)";

    private final Map<String, Long> rawRecords = new HashMap<>();
    private final Map<String, Outcomes> outcomes = new HashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();
    private final Map<String, EnrichedRecord> enriched = new LinkedHashMap<>();
    private final Map<String, EntryRecord> entries = new HashMap<>();
    private final Map<String, SnapshotRecord> snapshots = new TreeMap<>();
    private final Map<String, Long> recordsRead = new LinkedHashMap<>();
    private final List<Violation> unreadable = new ArrayList<>();
    private long deadLettersFromOtherTopics;

    /** What the audit needs of an enriched article. */
    public record EnrichedRecord(String articleId, String title, List<String> topicIds) {}

    /** A record of news.timeline-entries: its key and, unless it is a tombstone, the topic and article. */
    public record EntryRecord(String key, String topicId, String articleId, boolean live) {
        public static EntryRecord tombstone(String key) {
            return new EntryRecord(key, topicIdOf(key), null, false);
        }

        public static EntryRecord live(String key, String topicId, String articleId) {
            return new EntryRecord(key, topicId, articleId, true);
        }
    }

    /** What the audit needs of a snapshot on news.timelines; null articleIds = tombstone. */
    public record SnapshotRecord(String topicId, long totalEntries, List<String> articleIds) {}

    private static final class Outcomes {
        long enriched;
        String lastOriginalId;
        long exact;
        long near;
        long deadLetters;

        long total() {
            return enriched + exact + near + deadLetters;
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (enriched > 0) {
                parts.add("enriched " + enriched);
            }
            if (exact > 0) {
                parts.add("exact duplicate " + exact);
            }
            if (near > 0) {
                parts.add("near duplicate " + near);
            }
            if (deadLetters > 0) {
                parts.add("dead letter " + deadLetters);
            }
            return String.join(", ", parts);
        }
    }

    public Reconciliation rawArticle(String articleId) {
        rawRecords.merge(id(articleId), 1L, Long::sum);
        count(Topics.RAW_ARTICLES);
        return this;
    }

    public Reconciliation enrichedArticle(EnrichedRecord article) {
        outcome(article.articleId()).enriched++;
        enriched.put(id(article.articleId()), article); // the latest one counts for the timelines
        count(Topics.ENRICHED_ARTICLES);
        return this;
    }

    /**
     * A tombstone on news.articles.enriched: the app let the article through, then found it repeats an earlier
     * one (a late predecessor); its duplicate notice follows, and that is its outcome instead.
     */
    /** Story {@code storyId} was merged into {@code into}. */
    public Reconciliation storyMerge(String storyId, String into) {
        mergedInto.put(storyId, into);
        return this;
    }

    /**
     * The story {@code topicId} ended in after its merges (news.story-merges followed to the end of the chain), or
     * {@code topicId} itself when it was not merged.
     */
    private String finalStory(String topicId) {
        String id = topicId;
        for (int hops = 0; mergedInto.containsKey(id) && hops < 1_000; hops++) {
            id = mergedInto.get(id);
        }
        return id;
    }

    public Reconciliation retractedArticle(String articleId) {
        Outcomes of = outcome(articleId);
        if (of.enriched > 0) {
            of.enriched--;
        }
        enriched.remove(id(articleId));
        count(Topics.ENRICHED_ARTICLES);
        return this;
    }

    /** A duplicate notice for {@code duplicateId}; {@code exact} false means NEAR. */
    public Reconciliation duplicateNotice(String duplicateId, boolean exact) {
        return duplicateNotice(duplicateId, exact, null);
    }

    /**
     * A duplicate notice for {@code duplicateId} naming {@code originalId}. A notice that names another original
     * than the article's previous notice corrects it (an even earlier original arrived late): it replaces that
     * outcome instead of adding one.
     */
    public Reconciliation duplicateNotice(String duplicateId, boolean exact, String originalId) {
        Outcomes of = outcome(duplicateId);
        boolean correction = originalId != null
                && of.lastOriginalId != null
                && !of.lastOriginalId.equals(originalId)
                && !originalId.equals(duplicateId);
        if (originalId != null) {
            of.lastOriginalId = originalId;
        }
        if (correction) {
            count(Topics.DUPLICATES);
            return this;
        }
        if (exact) {
            of.exact++;
        } else {
            of.near++;
        }
        count(Topics.DUPLICATES);
        return this;
    }

    /**
     * A dead letter; it is the outcome of the raw record with its key when it failed on news.articles.raw (or its
     * headers do not say where). One that failed on an internal topic is keyed by something else (a fingerprint,
     * a timeline key) and is only counted.
     */
    public Reconciliation deadLetter(String key, String sourceTopic) {
        if (sourceTopic == null || sourceTopic.equals(Topics.RAW_ARTICLES)) {
            outcome(key).deadLetters++;
        } else {
            deadLettersFromOtherTopics++;
        }
        count(Topics.DEAD_LETTERS);
        return this;
    }

    public Reconciliation timelineEntry(EntryRecord entry) {
        if (entry.live()) {
            entries.put(entry.key(), entry);
        } else {
            entries.remove(entry.key());
        }
        count(Topics.TIMELINE_ENTRIES);
        return this;
    }

    public Reconciliation snapshot(SnapshotRecord snapshot) {
        if (snapshot.articleIds() == null) {
            snapshots.remove(snapshot.topicId());
        } else {
            snapshots.put(snapshot.topicId(), snapshot);
        }
        count(Topics.TIMELINES);
        return this;
    }

    /** A record that is not what its topic holds. */
    public Reconciliation unreadable(String topic, int partition, long offset, String error) {
        unreadable.add(new Violation(Kind.UNREADABLE_RECORD, topic + "/" + partition + "/" + offset, error));
        count(topic);
        return this;
    }

    public AuditResult result() {
        List<Violation> violations = new ArrayList<>();
        Set<String> ids = new TreeSet<>(rawRecords.keySet());
        ids.addAll(outcomes.keySet());
        for (String id : ids) {
            long raw = rawRecords.getOrDefault(id, 0L);
            Outcomes of = outcomes.getOrDefault(id, new Outcomes());
            long total = of.total();
            if (total == raw) {
                continue;
            }
            String figures = (raw == 0 ? "not on " + Topics.RAW_ARTICLES : "raw records " + raw) + "; outcomes " + total
                    + (total == 0 ? "" : " (" + of.describe() + ")");
            Kind kind = total == 0 ? Kind.NO_OUTCOME : total < raw ? Kind.MISSING_OUTCOMES : Kind.EXTRA_OUTCOMES;
            violations.add(new Violation(kind, id, figures));
        }

        Map<String, Long> liveByTopic = new TreeMap<>();
        for (EntryRecord entry : entries.values()) {
            liveByTopic.merge(entry.topicId(), 1L, Long::sum);
        }
        for (EnrichedRecord article : enriched.values()) {
            for (String topicId : new TreeSet<>(article.topicIds())) {
                // A merged story's entries go to the story it ended in (news.story-merges), those filed after its
                // move too: the entry is expected there and nowhere else.
                String survivor = finalStory(topicId);
                String key = survivor + "|" + article.articleId();
                if (!entries.containsKey(key)) {
                    violations.add(new Violation(
                            Kind.MISSING_TIMELINE_ENTRY,
                            article.articleId(),
                            "no live entry " + key + " (\"" + article.title() + "\")"
                                    + (survivor.equals(topicId) ? "" : "; filed under " + topicId + ", merged")));
                }
            }
        }
        for (EntryRecord entry : entries.values()) {
            if (mergedInto.containsKey(entry.topicId())) {
                violations.add(new Violation(
                        Kind.ENTRY_ON_MERGED_STORY,
                        entry.articleId(),
                        "live entry " + entry.key() + "; " + entry.topicId() + " was merged, ended in "
                                + finalStory(entry.topicId())));
            }
        }
        for (SnapshotRecord snapshot : snapshots.values()) {
            Map<String, Long> times = new TreeMap<>();
            snapshot.articleIds().forEach(id -> times.merge(id, 1L, Long::sum));
            times.forEach((articleId, count) -> {
                if (count > 1) {
                    violations.add(new Violation(
                            Kind.DUPLICATE_IN_SNAPSHOT,
                            snapshot.topicId(),
                            "article " + articleId + " listed " + count + " times"));
                }
            });
            long live = liveByTopic.getOrDefault(snapshot.topicId(), 0L);
            if (snapshot.totalEntries() != live) {
                violations.add(new Violation(
                        Kind.SNAPSHOT_TOTAL_MISMATCH,
                        snapshot.topicId(),
                        "snapshot total " + snapshot.totalEntries() + ", live entries " + live));
            }
        }
        liveByTopic.forEach((topicId, live) -> {
            if (!snapshots.containsKey(topicId)) {
                violations.add(
                        new Violation(Kind.SNAPSHOT_TOTAL_MISMATCH, topicId, "no snapshot, live entries " + live));
            }
        });
        violations.addAll(unreadable);
        violations.sort(java.util.Comparator.comparing(Violation::kind));

        long balanced = ids.stream()
                .filter(id -> rawRecords.getOrDefault(id, 0L)
                        == outcomes.getOrDefault(id, new Outcomes()).total())
                .count();
        return new AuditResult(
                new LinkedHashMap<>(recordsRead),
                rawRecords.size(),
                balanced,
                enriched.size(),
                entries.size(),
                liveByTopic.size(),
                snapshots.size(),
                deadLettersFromOtherTopics,
                violations);
    }

    private Outcomes outcome(String articleId) {
        return outcomes.computeIfAbsent(id(articleId), id -> new Outcomes());
    }

    private void count(String topic) {
        recordsRead.merge(topic, 1L, Long::sum);
    }

    private static String id(String key) {
        return key == null ? NO_KEY : key;
    }

    static String topicIdOf(String entryKey) {
        int at = entryKey.indexOf('|');
        return at < 0 ? entryKey : entryKey.substring(0, at);
    }
}
