package io.newsline.streams.timeline;

import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies timeline entries (keyed {@code <topicId>|<articleId>}, null = remove) to the {@link TimelineBook} and
 * forwards every effective change, which the topology publishes on {@code news.timeline-entries}. Entries older
 * than the retention (measured against stream time) are expired by a stream-time punctuation and forwarded as
 * removals. By default (retention 0) nothing expires: archives of any age are first-class. With a retention, every
 * entry refused or expired for age is counted (metrics {@code timeline-entries-dropped-for-age-total} and
 * {@code timeline-entries-expired-total}, group {@value #METRIC_GROUP}) and logged with the running totals, so a
 * retention never drops anything silently. A record with {@link TimelineEntries#PATCH_HEADER} patches the
 * entry it names (if there is one) and forwards the whole patched entry, without that header.
 */
public final class TimelineWriter implements Processor<String, TimelineEntry, String, TimelineEntry> {
    /** Bounds the work of one expiry punctuation; the rest is picked up by the next one. */
    private static final int EXPIRY_BATCH = 10_000;

    public static final String METRIC_GROUP = "newsline-timeline-metrics";
    private static final Logger log = LoggerFactory.getLogger(TimelineWriter.class);
    private static final long DROP_LOG_INTERVAL_MS = 10_000;

    private final TimelineStores stores;
    private final Duration retention;
    private final Duration expiryInterval;
    private ProcessorContext<String, TimelineEntry> context;
    private TimelineBook book;
    private Sensor droppedForAge;
    private Sensor expired;
    private long droppedTotal;
    private long expiredTotal;
    private long lastDropLog = Long.MIN_VALUE;

    public TimelineWriter(TimelineStores stores, Duration retention, Duration expiryInterval) {
        this.stores = stores;
        this.retention = retention;
        this.expiryInterval = expiryInterval;
    }

    @Override
    public void init(ProcessorContext<String, TimelineEntry> context) {
        this.context = context;
        KeyValueStore<Bytes, TimelineEntry> entries = context.getStateStore(stores.entries());
        KeyValueStore<String, Long> dates = context.getStateStore(stores.entryDates());
        KeyValueStore<Bytes, String> expiry = context.getStateStore(stores.expiryIndex());
        KeyValueStore<String, TopicTimeline> headers = context.getStateStore(stores.headers());
        this.book = new TimelineBook(entries, dates, expiry, headers);
        if (!retention.isZero()) {
            droppedForAge = countingSensor(
                    context, "timeline-entries-dropped-for-age", "entries refused as older than the retention");
            expired = countingSensor(context, "timeline-entries-expired", "entries expired by the retention");
            context.schedule(expiryInterval, PunctuationType.STREAM_TIME, this::expire);
        }
    }

    @Override
    public void process(Record<String, TimelineEntry> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        String patch = TimelineEntries.patchKind(record.headers());
        if (patch != null) {
            applyPatch(record, patch);
            return;
        }
        Instant oldestKept = oldestKept(context.currentStreamTimeMs());
        if (record.value() != null && record.value().getPublishedAt().isBefore(oldestKept)) {
            droppedForAge.record();
            droppedTotal++;
            logDrops(record.value(), oldestKept);
        }
        TimelineBook.Change change = record.value() == null
                ? book.remove(TimelineKeys.topicIdOf(record.key()), TimelineKeys.articleIdOf(record.key()), now)
                : book.upsert(record.value(), oldestKept, now);
        if (change != null) {
            context.forward(record.withKey(change.entryKey()).withValue(change.entry()));
        }
    }

    private void applyPatch(Record<String, TimelineEntry> record, String patch) {
        if (!TimelineEntries.PATCH_ALSO_REPORTED_BY.equals(patch) || record.value() == null) {
            return;
        }
        TimelineBook.Change change = book.setAlsoReportedBy(
                TimelineKeys.topicIdOf(record.key()),
                TimelineKeys.articleIdOf(record.key()),
                record.value().getAlsoReportedBy());
        if (change != null) {
            Headers headers = new RecordHeaders(record.headers().toArray());
            headers.remove(TimelineEntries.PATCH_HEADER);
            context.forward(
                    record.withKey(change.entryKey()).withValue(change.entry()).withHeaders(headers));
        }
    }

    private void expire(long streamTime) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Instant cutoff = oldestKept(streamTime);
        int count = 0;
        for (TimelineBook.Change change : book.expire(cutoff, EXPIRY_BATCH, now)) {
            context.forward(new Record<String, TimelineEntry>(change.entryKey(), null, streamTime));
            expired.record();
            count++;
        }
        if (count > 0) {
            expiredTotal += count;
            log.info(
                    "Task {}: expired {} timeline entries published before {} (retention {}); {} expired, {} refused"
                            + " for age so far",
                    context.taskId(),
                    count,
                    cutoff,
                    retention,
                    expiredTotal,
                    droppedTotal);
        }
    }

    private void logDrops(TimelineEntry entry, Instant oldestKept) {
        long wallClock = context.currentSystemTimeMs();
        if (lastDropLog != Long.MIN_VALUE && wallClock - lastDropLog < DROP_LOG_INTERVAL_MS) {
            return;
        }
        lastDropLog = wallClock;
        log.warn(
                "Task {}: timeline entry {}|{} published {} is older than the retention {} allows ({}); not added."
                        + " {} entries refused and {} expired for age so far (set {}=0 to keep every entry)",
                context.taskId(),
                entry.getTopicId(),
                entry.getArticleId(),
                entry.getPublishedAt(),
                retention,
                oldestKept,
                droppedTotal,
                expiredTotal,
                "newsline.timeline.retention.ms");
    }

    private static Sensor countingSensor(ProcessorContext<?, ?> context, String name, String description) {
        Map<String, String> tags = Map.of("task-id", context.taskId().toString());
        Sensor sensor = context.metrics().addSensor(name + "-" + context.taskId(), Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(name + "-total", METRIC_GROUP, description, tags), new CumulativeCount());
        return sensor;
    }

    private Instant oldestKept(long streamTimeMillis) {
        if (retention.isZero() || streamTimeMillis < 0) {
            return Instant.MIN;
        }
        return Instant.ofEpochMilli(streamTimeMillis).minus(retention);
    }
}
