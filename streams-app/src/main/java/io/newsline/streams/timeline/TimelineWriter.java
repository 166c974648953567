package io.newsline.streams.timeline;

import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies timeline entries (keyed {@code <topicId>|<articleId>}, null = remove) to the {@link TimelineBook} and
 * forwards every effective change, which the topology publishes on {@code news.timeline-entries}. Entries older
 * than the retention (measured against stream time) are expired by a stream-time punctuation and forwarded as
 * removals, so the stores never grow without bound. A record with {@link TimelineEntries#PATCH_HEADER} patches the
 * entry it names (if there is one) and forwards the whole patched entry, without that header.
 */
public final class TimelineWriter implements Processor<String, TimelineEntry, String, TimelineEntry> {
    /** Bounds the work of one expiry punctuation; the rest is picked up by the next one. */
    private static final int EXPIRY_BATCH = 10_000;

    private final TimelineStores stores;
    private final Duration retention;
    private final Duration expiryInterval;
    private ProcessorContext<String, TimelineEntry> context;
    private TimelineBook book;

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
        TimelineBook.Change change = record.value() == null
                ? book.remove(TimelineKeys.topicIdOf(record.key()), TimelineKeys.articleIdOf(record.key()), now)
                : book.upsert(record.value(), oldestKept(context.currentStreamTimeMs()), now);
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
        for (TimelineBook.Change change : book.expire(oldestKept(streamTime), EXPIRY_BATCH, now)) {
            context.forward(new Record<String, TimelineEntry>(change.entryKey(), null, streamTime));
        }
    }

    private Instant oldestKept(long streamTimeMillis) {
        if (retention.isZero() || streamTimeMillis < 0) {
            return Instant.MIN;
        }
        return Instant.ofEpochMilli(streamTimeMillis).minus(retention);
    }
}
