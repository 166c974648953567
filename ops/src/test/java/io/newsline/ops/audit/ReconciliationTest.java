package io.newsline.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.common.Topics;
import io.newsline.ops.audit.Reconciliation.EnrichedRecord;
import io.newsline.ops.audit.Reconciliation.EntryRecord;
import io.newsline.ops.audit.Reconciliation.SnapshotRecord;
import io.newsline.ops.audit.Violation.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    /** Two articles, one sent twice, one poison record: the state a healthy pipeline leaves. */
    private static Reconciliation healthy() {
        return new Reconciliation()
                .rawArticle("a")
                .rawArticle("b")
                .rawArticle("a") // the same file again
                .rawArticle("poison")
                .enrichedArticle(new EnrichedRecord("a", "A", List.of("gaza", "israel")))
                .enrichedArticle(new EnrichedRecord("b", "B", List.of("gaza")))
                .duplicateNotice("a", true)
                .deadLetter("poison", Topics.RAW_ARTICLES)
                .timelineEntry(EntryRecord.live("gaza|a", "gaza", "a"))
                .timelineEntry(EntryRecord.live("israel|a", "israel", "a"))
                .timelineEntry(EntryRecord.live("gaza|b", "gaza", "b"))
                .snapshot(new SnapshotRecord("gaza", 1, List.of("a")))
                .snapshot(new SnapshotRecord("gaza", 2, List.of("a", "b")))
                .snapshot(new SnapshotRecord("israel", 1, List.of("a")));
    }

    @Test
    void aHealthyPipelineIsClean() {
        AuditResult result = healthy().result();

        assertThat(result.violations()).isEmpty();
        assertThat(result.clean()).isTrue();
        assertThat(result.articleIds()).isEqualTo(3);
        assertThat(result.balancedIds()).isEqualTo(3);
        assertThat(result.liveEntries()).isEqualTo(3);
        assertThat(result.snapshots()).isEqualTo(2);
        assertThat(result.records(Topics.RAW_ARTICLES)).isEqualTo(4);
        assertThat(result.report(5)).contains("Violations: none");
    }

    @Test
    void anArticleLetThroughThenRetractedAsADuplicateHasOneOutcome() {
        // c went through first; d, which precedes it, arrived later: c is retracted and becomes d's duplicate.
        AuditResult result = healthy()
                .rawArticle("c")
                .rawArticle("d")
                .enrichedArticle(new EnrichedRecord("c", "C", List.of("gaza")))
                .enrichedArticle(new EnrichedRecord("d", "D", List.of("gaza")))
                .retractedArticle("c")
                .duplicateNotice("c", false, "d")
                .timelineEntry(EntryRecord.live("gaza|c", "gaza", "c"))
                .timelineEntry(EntryRecord.tombstone("gaza|c"))
                .timelineEntry(EntryRecord.live("gaza|d", "gaza", "d"))
                .snapshot(new SnapshotRecord("gaza", 3, List.of("a", "b", "d")))
                .result();

        assertThat(result.violations()).isEmpty();
    }

    @Test
    void aNoticeThatNamesAnEarlierOriginalCorrectsTheOneBeforeIt() {
        AuditResult corrected = healthy()
                .rawArticle("e")
                .duplicateNotice("e", false, "a")
                .duplicateNotice("e", false, "b") // an even earlier original arrived late
                .result();
        assertThat(corrected.violations()).isEmpty();

        AuditResult twice = healthy()
                .rawArticle("e")
                .duplicateNotice("e", false, "a")
                .duplicateNotice("e", false, "a") // the same notice again is a second outcome
                .result();
        assertThat(twice.violations()).extracting(Violation::subject).containsExactly("e");
    }

    @Test
    void anArticleWithoutOutcomeOrWithTooFewOutcomesIsReported() {
        AuditResult result = healthy().rawArticle("c").rawArticle("b").result();

        assertThat(result.violations())
                .containsExactly(
                        new Violation(Kind.NO_OUTCOME, "c", "raw records 1; outcomes 0"),
                        new Violation(Kind.MISSING_OUTCOMES, "b", "raw records 2; outcomes 1 (enriched 1)"));
        assertThat(result.clean()).isFalse();
    }

    @Test
    void moreOutcomesThanRawRecordsAndOutcomesOfUnknownIdsAreReported() {
        AuditResult result = healthy()
                .enrichedArticle(new EnrichedRecord("ghost", "G", List.of()))
                .deadLetter("b", null) // headers lost: still counted against its key
                .result();

        assertThat(result.violations(Kind.EXTRA_OUTCOMES))
                .containsExactly(
                        new Violation(
                                Kind.EXTRA_OUTCOMES, "b", "raw records 1; outcomes 2 (enriched 1, dead letter 1)"),
                        new Violation(
                                Kind.EXTRA_OUTCOMES, "ghost", "not on news.articles.raw; outcomes 1 (enriched 1)"));
    }

    @Test
    void deadLettersFromInternalTopicsAreCountedButNotMatchedToIds() {
        AuditResult result = healthy()
                .deadLetter("fingerprint-123", "newsline-streams-articles-by-fingerprint-repartition")
                .result();

        assertThat(result.clean()).isTrue();
        assertThat(result.deadLettersFromOtherTopics()).isEqualTo(1);
    }

    @Test
    void anEnrichedArticleMissingFromATimelineIsReported() {
        AuditResult result = healthy()
                .timelineEntry(EntryRecord.tombstone("israel|a"))
                .snapshot(new SnapshotRecord("israel", 0, null))
                .result();

        assertThat(result.violations())
                .containsExactly(new Violation(Kind.MISSING_TIMELINE_ENTRY, "a", "no live entry israel|a (\"A\")"));
    }

    @Test
    void anArticleOfAMergedStoryIsFoundOnTheStoryItWentInto() {
        Reconciliation merged = healthy()
                .rawArticle("c")
                .enrichedArticle(new EnrichedRecord("c", "C", List.of("story-b")))
                .timelineEntry(EntryRecord.live("story-b|c", "story-b", "c"))
                .timelineEntry(EntryRecord.tombstone("story-b|c"))
                .timelineEntry(EntryRecord.live("story-a|c", "story-a", "c"))
                .snapshot(new SnapshotRecord("story-a", 1, List.of("c")));
        assertThat(merged.result().violations())
                .extracting(Violation::kind)
                .containsExactly(Kind.MISSING_TIMELINE_ENTRY); // until the merge is read

        assertThat(merged.storyMerge("story-b", "story-a").result().clean()).isTrue();
    }

    @Test
    void anEntryLeftOnAMergedStoryIsReported() {
        AuditResult result = healthy()
                .rawArticle("c")
                .enrichedArticle(new EnrichedRecord("c", "C", List.of("story-b")))
                .timelineEntry(EntryRecord.live("story-b|c", "story-b", "c"))
                .snapshot(new SnapshotRecord("story-b", 1, List.of("c")))
                .storyMerge("story-b", "story-a")
                .result();

        assertThat(result.violations())
                .containsExactly(
                        new Violation(
                                Kind.MISSING_TIMELINE_ENTRY,
                                "c",
                                "no live entry story-a|c (\"C\"); filed under story-b, merged"),
                        new Violation(
                                Kind.ENTRY_ON_MERGED_STORY,
                                "c",
                                "live entry story-b|c; story-b was merged, ended in story-a"));
    }

    @Test
    void anArticleOfAChainOfMergesIsExpectedOnTheStoryTheChainEndedIn() {
        Reconciliation chain = healthy()
                .rawArticle("c")
                .enrichedArticle(new EnrichedRecord("c", "C", List.of("story-c")))
                .storyMerge("story-c", "story-b")
                .storyMerge("story-b", "story-a")
                .timelineEntry(EntryRecord.live("story-b|c", "story-b", "c"))
                .snapshot(new SnapshotRecord("story-b", 1, List.of("c")));
        assertThat(chain.result().violations())
                .extracting(Violation::kind)
                .containsExactly(Kind.MISSING_TIMELINE_ENTRY, Kind.ENTRY_ON_MERGED_STORY);

        AuditResult moved = chain.timelineEntry(EntryRecord.tombstone("story-b|c"))
                .snapshot(new SnapshotRecord("story-b", 0, null))
                .timelineEntry(EntryRecord.live("story-a|c", "story-a", "c"))
                .snapshot(new SnapshotRecord("story-a", 1, List.of("c")))
                .result();
        assertThat(moved.clean()).isTrue();
    }

    @Test
    void theLatestEnrichedRecordOfAnArticleDecidesItsTopics() {
        AuditResult result = healthy()
                .rawArticle("b")
                .enrichedArticle(new EnrichedRecord("b", "B", List.of("hamas")))
                .result();

        assertThat(result.violations())
                .extracting(Violation::kind, Violation::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Kind.MISSING_TIMELINE_ENTRY, "no live entry hamas|b (\"B\")"));
    }

    @Test
    void aSnapshotListingAnArticleTwiceOrWithAWrongTotalIsReported() {
        AuditResult result = healthy()
                .snapshot(new SnapshotRecord("gaza", 3, List.of("a", "b", "b")))
                .result();

        assertThat(result.violations())
                .containsExactly(
                        new Violation(Kind.DUPLICATE_IN_SNAPSHOT, "gaza", "article b listed 2 times"),
                        new Violation(Kind.SNAPSHOT_TOTAL_MISMATCH, "gaza", "snapshot total 3, live entries 2"));
    }

    @Test
    void liveEntriesWithoutASnapshotAreAMismatch() {
        AuditResult result =
                healthy().snapshot(new SnapshotRecord("israel", 0, null)).result();

        assertThat(result.violations())
                .containsExactly(new Violation(Kind.SNAPSHOT_TOTAL_MISMATCH, "israel", "no snapshot, live entries 1"));
    }

    @Test
    void onlyTheLatestSnapshotCounts() {
        AuditResult result = healthy()
                .snapshot(new SnapshotRecord("gaza", 5, List.of("a", "a")))
                .snapshot(new SnapshotRecord("gaza", 2, List.of("a", "b")))
                .result();

        assertThat(result.clean()).isTrue();
    }

    @Test
    void recordsWithoutKeyAreCountedUnderOneId() {
        AuditResult result =
                healthy().rawArticle(null).deadLetter(null, Topics.RAW_ARTICLES).result();

        assertThat(result.clean()).isTrue();
        assertThat(result.articleIds()).isEqualTo(4);
    }

    @Test
    void theReportShowsCountsAndAtMostNExamplesPerKind() {
        Reconciliation reconciliation = healthy();
        for (int i = 0; i < 7; i++) {
            reconciliation.rawArticle("lost-" + i);
        }
        reconciliation.unreadable(Topics.TIMELINES, 2, 17, "Unknown magic byte 120");

        String report = reconciliation.result().report(2);

        assertThat(report)
                .contains("Violations: 8")
                .contains("  NO_OUTCOME (7): article ids on news.articles.raw with no outcome")
                .contains("    lost-0  raw records 1; outcomes 0")
                .contains("    lost-1  raw records 1; outcomes 0")
                .doesNotContain("lost-2")
                .contains("    ... and 5 more")
                .contains("  UNREADABLE_RECORD (1): records that could not be read")
                .contains("    news.timelines/2/17  Unknown magic byte 120");
    }
}
