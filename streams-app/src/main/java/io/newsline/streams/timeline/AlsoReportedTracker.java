package io.newsline.streams.timeline;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * "Also reported by": takes duplicate notices (exact and near) keyed by the id of the original they repeat,
 * remembers the duplicate's source URI under the original (distinct, in order, at most
 * {@value #MAX_SOURCES}), and patches the original's entry on each of its timelines (the topics
 * {@link ArticleTopicsTracker} remembered for it) with the whole list, as a record carrying
 * {@link TimelineEntries#PATCH_HEADER}. An original that is not on any timeline yet (its verdict is still being
 * held) gets the list when {@link ArticleTopicsTracker} files it. A repeat from the original's own source (a re-sent
 * file) is not another report; a byte-identical file from another source is.
 */
public final class AlsoReportedTracker implements Processor<String, DuplicateNotice, String, TimelineEntry> {
    /** At most this many sources are listed per article. */
    public static final int MAX_SOURCES = 100;

    private final String articleTopicsStore;
    private final String alsoReportedStore;
    private ProcessorContext<String, TimelineEntry> context;
    private KeyValueStore<String, String> articleTopics;
    private KeyValueStore<String, String> alsoReported;

    public AlsoReportedTracker(String articleTopicsStore, String alsoReportedStore) {
        this.articleTopicsStore = articleTopicsStore;
        this.alsoReportedStore = alsoReportedStore;
    }

    @Override
    public void init(ProcessorContext<String, TimelineEntry> context) {
        this.context = context;
        this.articleTopics = context.getStateStore(articleTopicsStore);
        this.alsoReported = context.getStateStore(alsoReportedStore);
    }

    @Override
    public void process(Record<String, DuplicateNotice> record) {
        DuplicateNotice notice = record.value();
        String originalId = record.key();
        if (notice == null || originalId == null) {
            return;
        }
        String source = notice.getDuplicateSource();
        // A byte-identical copy has the original's id (ids are content hashes) but may come from another source:
        // it counts when its source differs; the original's own source is filtered out where entries are written.
        if (source == null || source.isBlank()) {
            return;
        }
        List<String> sources = new ArrayList<>(sources(alsoReported.get(originalId)));
        if (sources.contains(source) || sources.size() >= MAX_SOURCES) {
            return;
        }
        sources.add(source);
        alsoReported.put(originalId, String.join("\n", sources));
        String topics = articleTopics.get(originalId);
        if (topics == null) {
            return;
        }
        for (String topicId : topics.split("\n")) {
            if (!topicId.isEmpty()) {
                Record<String, TimelineEntry> patch = record.withKey(TimelineKeys.entryKey(topicId, originalId))
                        .withValue(TimelineEntries.alsoReportedByPatch(topicId, originalId, sources))
                        .withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders());
                patch.headers()
                        .add(
                                TimelineEntries.PATCH_HEADER,
                                TimelineEntries.PATCH_ALSO_REPORTED_BY.getBytes(StandardCharsets.UTF_8));
                context.forward(patch);
            }
        }
    }

    static List<String> sources(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(stored.split("\n"));
    }

    /** The stored sources without the article's own (an edited file re-sent from the same place). */
    static List<String> sourcesOtherThan(String stored, String ownSource) {
        return sources(stored).stream()
                .filter(source -> !source.equals(ownSource))
                .toList();
    }
}
