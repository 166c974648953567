package io.newsline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.Record;

/**
 * The records in one partition's log segments on disk, read batch by batch in offset order. Offsets alone cannot say
 * how many records a topic got: with exactly-once every transaction also puts a marker (a control record with an
 * offset of its own) on each partition it wrote to, and Kafka Streams purges repartition topics, so their records
 * below the log start are gone from consumers but still in the segments (the bench's broker deletes no segment).
 * Uses kafka-clients' internal record classes: the segment format is Kafka's documented one, the package may move.
 */
final class SegmentRecords {
    private SegmentRecords() {}

    /**
     * @param committed data records outside transactions or in committed ones (what read_committed reads)
     * @param aborted data records of aborted transactions
     * @param open data records of transactions with no marker yet
     * @param markers transaction markers (commit and abort)
     */
    record Count(long committed, long aborted, long open, long markers) {
        static final Count NONE = new Count(0, 0, 0, 0);

        Count plus(Count other) {
            return new Count(
                    committed + other.committed, aborted + other.aborted, open + other.open, markers + other.markers);
        }
    }

    /** Every {@code *.log} segment of a partition directory ({@code <log dir>/<topic>-<partition>}). */
    static Count ofPartition(Path partitionDir) throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.list(partitionDir)) {
            // Segment files are named by their zero-padded base offset: by name is by offset.
            segments = files.filter(file -> file.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList();
        }
        return ofSegments(segments);
    }

    /** Segments of one partition in offset order: a transaction's records and its marker may be in different ones. */
    static Count ofSegments(List<Path> segments) throws IOException {
        Map<Long, Long> pendingByProducer = new HashMap<>();
        long committed = 0;
        long aborted = 0;
        long markers = 0;
        for (Path segment : segments) {
            try (FileRecords records = FileRecords.open(segment.toFile(), false)) {
                for (FileChannelRecordBatch batch : records.batches()) {
                    if (batch.isControlBatch()) {
                        ControlRecordType type = controlType(batch);
                        if (type == ControlRecordType.COMMIT || type == ControlRecordType.ABORT) {
                            markers++;
                            long pending = pendingByProducer.getOrDefault(batch.producerId(), 0L);
                            pendingByProducer.remove(batch.producerId());
                            if (type == ControlRecordType.COMMIT) {
                                committed += pending;
                            } else {
                                aborted += pending;
                            }
                        }
                    } else if (batch.isTransactional()) {
                        pendingByProducer.merge(batch.producerId(), recordsIn(batch), Long::sum);
                    } else {
                        committed += recordsIn(batch);
                    }
                }
            }
        }
        long open =
                pendingByProducer.values().stream().mapToLong(Long::longValue).sum();
        return new Count(committed, aborted, open, markers);
    }

    private static long recordsIn(FileChannelRecordBatch batch) {
        Integer count = batch.countOrNull();
        if (count != null) {
            return count;
        }
        // Message formats before v2 keep no count in the header; the broker writes v2, but count if one shows up.
        long n = 0;
        for (Record ignored : batch) {
            n++;
        }
        return n;
    }

    private static ControlRecordType controlType(FileChannelRecordBatch batch) {
        for (Record record : batch) {
            return ControlRecordType.parse(record.key());
        }
        return ControlRecordType.UNKNOWN;
    }
}
