package io.newsline.ops.audit;

import io.newsline.common.Topics;
import io.newsline.ops.audit.Violation.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link PipelineAudit} found: how much it read, and every violation ({@link #violations()}), in
 * {@link Kind} order.
 *
 * @param recordsRead records read per topic
 * @param articleIds distinct article ids on news.articles.raw
 * @param balancedIds article ids (on raw or in an outcome) with exactly as many outcomes as raw records
 * @param enrichedArticles distinct article ids on news.articles.enriched
 * @param liveEntries live entries on news.timeline-entries
 * @param timelinesWithEntries topics with at least one live entry
 * @param snapshots topics with a (non-tombstone) latest snapshot on news.timelines
 * @param deadLettersFromOtherTopics dead letters that failed on an internal topic; not matched to article ids
 */
public record AuditResult(
        Map<String, Long> recordsRead,
        long articleIds,
        long balancedIds,
        long enrichedArticles,
        long liveEntries,
        long timelinesWithEntries,
        long snapshots,
        long deadLettersFromOtherTopics,
        List<Violation> violations) {

    public AuditResult {
        recordsRead = Map.copyOf(recordsRead);
        violations = List.copyOf(violations);
    }

    public boolean clean() {
        return violations.isEmpty();
    }

    public List<Violation> violations(Kind kind) {
        return violations.stream().filter(v -> v.kind() == kind).toList();
    }

    /** How many violations of each kind there are (kinds without any are left out). */
    public Map<Kind, Long> counts() {
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        violations.forEach(v -> counts.merge(v.kind(), 1L, Long::sum));
        return counts;
    }

    public long records(String topic) {
        return recordsRead.getOrDefault(topic, 0L);
    }

    private void topicLine(StringBuilder out, String topic, String more) {
        long records = records(topic);
        out.append(String.format("%-26s %6d %s%s%n", topic, records, records == 1 ? "record" : "records", more));
    }

    /** The report {@code newsline audit} prints, with at most {@code examples} violations of each kind. */
    public String report(int examples) {
        StringBuilder out = new StringBuilder();
        topicLine(out, Topics.RAW_ARTICLES, ", " + articleIds + " article ids");
        topicLine(out, Topics.ENRICHED_ARTICLES, ", " + enrichedArticles + " articles");
        topicLine(out, Topics.DUPLICATES, "");
        topicLine(
                out,
                Topics.DEAD_LETTERS,
                deadLettersFromOtherTopics == 0
                        ? ""
                        : ", " + deadLettersFromOtherTopics + " of them from internal topics (not matched to ids)");
        topicLine(
                out,
                Topics.TIMELINE_ENTRIES,
                ", " + liveEntries + " live entries on " + timelinesWithEntries + " topics");
        topicLine(out, Topics.TIMELINES, ", " + snapshots + " snapshots");
        out.append(String.format("Outcomes: %d article ids balanced (outcomes = raw records)%n", balancedIds));
        if (clean()) {
            out.append(String.format("Violations: none%n"));
            return out.toString();
        }
        out.append(String.format("Violations: %d%n", violations.size()));
        counts().forEach((kind, count) -> {
            out.append(String.format("  %s (%d): %s%n", kind, count, kind.description()));
            violations(kind).stream()
                    .limit(examples)
                    .forEach(v -> out.append(String.format("    %s  %s%n", v.subject(), v.detail())));
            if (count > examples) {
                out.append(String.format("    ... and %d more%n", count - examples));
            }
        });
        return out.toString();
    }
}
