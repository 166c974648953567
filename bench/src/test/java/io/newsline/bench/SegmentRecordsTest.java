package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentRecordsTest {
    private static final short EPOCH = 0;

    @TempDir
    Path dir;

    @Test
    void recordsOutsideTransactionsAreCommitted() throws IOException {
        Path segment = segment("00000000000000000000.log", plain(0, 3), plain(3, 2));

        assertThat(SegmentRecords.ofSegments(List.of(segment))).isEqualTo(new SegmentRecords.Count(5, 0, 0, 0));
    }

    @Test
    void aCommittedTransactionCountsItsRecordsAndOneMarkerApart() throws IOException {
        Path segment = segment("00000000000000000000.log", transactional(0, 7L, 3), marker(3, 7L, true));

        assertThat(SegmentRecords.ofSegments(List.of(segment))).isEqualTo(new SegmentRecords.Count(3, 0, 0, 1));
    }

    @Test
    void anAbortedTransactionsRecordsAreNotCommitted() throws IOException {
        Path segment = segment("00000000000000000000.log", transactional(0, 7L, 4), marker(4, 7L, false));

        assertThat(SegmentRecords.ofSegments(List.of(segment))).isEqualTo(new SegmentRecords.Count(0, 4, 0, 1));
    }

    @Test
    void aTransactionWithoutItsMarkerYetIsOpen() throws IOException {
        Path segment = segment("00000000000000000000.log", transactional(0, 7L, 2));

        assertThat(SegmentRecords.ofSegments(List.of(segment))).isEqualTo(new SegmentRecords.Count(0, 0, 2, 0));
    }

    @Test
    void eachProducersMarkerSettlesOnlyItsOwnTransaction() throws IOException {
        Path segment = segment(
                "00000000000000000000.log",
                transactional(0, 7L, 2),
                transactional(2, 8L, 5),
                marker(7, 8L, false),
                marker(8, 7L, true));

        assertThat(SegmentRecords.ofSegments(List.of(segment))).isEqualTo(new SegmentRecords.Count(2, 5, 0, 2));
    }

    @Test
    void aMarkerInTheNextSegmentSettlesRecordsOfTheOneBefore() throws IOException {
        segment("00000000000000000000.log", transactional(0, 7L, 3));
        segment("00000000000000000003.log", marker(3, 7L, true));

        assertThat(SegmentRecords.ofPartition(dir)).isEqualTo(new SegmentRecords.Count(3, 0, 0, 1));
    }

    private Path segment(String name, MemoryRecords... batches) throws IOException {
        Path file = dir.resolve(name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (MemoryRecords batch : batches) {
                ByteBuffer buffer = batch.buffer();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }
        return file;
    }

    private static MemoryRecords plain(long offset, int count) {
        return MemoryRecords.withRecords(offset, Compression.NONE, records(count));
    }

    private static MemoryRecords transactional(long offset, long producerId, int count) {
        return MemoryRecords.withTransactionalRecords(
                offset, Compression.NONE, producerId, EPOCH, 0, 0, records(count));
    }

    private static MemoryRecords marker(long offset, long producerId, boolean commit) {
        return MemoryRecords.withEndTransactionMarker(
                offset,
                0L,
                0,
                producerId,
                EPOCH,
                new EndTransactionMarker(commit ? ControlRecordType.COMMIT : ControlRecordType.ABORT, 0));
    }

    private static SimpleRecord[] records(int count) {
        SimpleRecord[] records = new SimpleRecord[count];
        for (int i = 0; i < count; i++) {
            records[i] = new SimpleRecord(("k" + i).getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});
        }
        return records;
    }
}
