package io.newsline.streams;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how long restoring state from the changelogs takes, per store partition and in total, so an operator sees
 * what a restart after a crash costs (under exactly-once a crashed instance restores its stores from scratch, or
 * its standby replicas take over warm). One line per restored store partition at INFO; nothing for empty ones.
 */
final class RestoreLog implements StateRestoreListener {
    private static final Logger log = LoggerFactory.getLogger(RestoreLog.class);

    private final ConcurrentHashMap<TopicPartition, Long> startedAt = new ConcurrentHashMap<>();
    private final AtomicLong restoredRecords = new AtomicLong();
    private final AtomicLong restoredStores = new AtomicLong();

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        startedAt.put(partition, System.nanoTime());
        if (endingOffset > startingOffset) {
            log.info(
                    "Restoring store {} from {} (offsets {} to {})",
                    storeName,
                    partition,
                    startingOffset,
                    endingOffset);
        }
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {}

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        Long started = startedAt.remove(partition);
        if (totalRestored == 0 || started == null) {
            return;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info(
                "Restored store {} from {}: {} records in {} ms (so far in this process: {} records, {} store"
                        + " partitions)",
                storeName,
                partition,
                totalRestored,
                millis,
                restoredRecords.addAndGet(totalRestored),
                restoredStores.incrementAndGet());
    }
}
