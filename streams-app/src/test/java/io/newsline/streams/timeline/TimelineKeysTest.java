package io.newsline.streams.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class TimelineKeysTest {

    @Test
    void entryKeysSortByTopicThenDateThenArticle() {
        List<Bytes> keys = new ArrayList<>(List.of(
                TimelineKeys.entryStoreKey("gaza", millis("2025-06-01T00:00:00Z"), "a"),
                TimelineKeys.entryStoreKey("gaza", millis("1969-12-31T00:00:00Z"), "z"),
                TimelineKeys.entryStoreKey("gaza", millis("2025-05-01T00:00:00Z"), "b"),
                TimelineKeys.entryStoreKey("gaza", millis("2025-05-01T00:00:00Z"), "a"),
                TimelineKeys.entryStoreKey("gaza-city", millis("2000-01-01T00:00:00Z"), "a")));
        keys.sort(Bytes::compareTo);

        assertThat(keys)
                .containsExactly(
                        TimelineKeys.entryStoreKey("gaza", millis("1969-12-31T00:00:00Z"), "z"),
                        TimelineKeys.entryStoreKey("gaza", millis("2025-05-01T00:00:00Z"), "a"),
                        TimelineKeys.entryStoreKey("gaza", millis("2025-05-01T00:00:00Z"), "b"),
                        TimelineKeys.entryStoreKey("gaza", millis("2025-06-01T00:00:00Z"), "a"),
                        TimelineKeys.entryStoreKey("gaza-city", millis("2000-01-01T00:00:00Z"), "a"));
    }

    @Test
    void topicRangeHoldsAllOfATopicAndNoneOfATopicItPrefixes() {
        Bytes from = TimelineKeys.topicRangeFrom("gaza");
        Bytes to = TimelineKeys.topicRangeTo("gaza");
        Bytes gaza = TimelineKeys.entryStoreKey("gaza", Long.MAX_VALUE, "zzz");
        Bytes gazaOld = TimelineKeys.entryStoreKey("gaza", Long.MIN_VALUE, "");
        Bytes gazaCity = TimelineKeys.entryStoreKey("gaza-city", 0, "a");

        assertThat(gaza.compareTo(from)).isPositive();
        assertThat(gaza.compareTo(to)).isNegative();
        assertThat(gazaOld.compareTo(from)).isPositive();
        assertThat(gazaCity.compareTo(to)).isPositive();
    }

    @Test
    void expiryRangeEndsJustBeforeTheCutoff() {
        long cutoff = millis("2025-06-01T00:00:00Z");
        Bytes bound = TimelineKeys.expiryRangeTo(cutoff);

        assertThat(TimelineKeys.expiryKey(cutoff - 1, "gaza", "a").compareTo(bound))
                .isNegative();
        assertThat(TimelineKeys.expiryKey(cutoff, "gaza", "a").compareTo(bound)).isPositive();
        assertThat(TimelineKeys.entryKeyOfExpiryKey(TimelineKeys.expiryKey(cutoff, "gaza", "a")))
                .isEqualTo("gaza|a");
    }

    @Test
    void entryKeySplitsIntoTopicAndArticle() {
        String key = TimelineKeys.entryKey("benjamin-netanyahu", "abc123");
        assertThat(key).isEqualTo("benjamin-netanyahu|abc123");
        assertThat(TimelineKeys.topicIdOf(key)).isEqualTo("benjamin-netanyahu");
        assertThat(TimelineKeys.articleIdOf(key)).isEqualTo("abc123");
    }

    @Test
    void entriesOfATopicGoToThePartitionOfItsSnapshotKey() {
        int partitions = 6;
        int snapshotPartition =
                org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                                new org.apache.kafka.common.serialization.StringSerializer()
                                        .serialize("news.timelines", "israel")))
                        % partitions;
        assertThat(new TopicIdPartitioner<>().partitions("news.timeline-entries", "israel|a", null, partitions))
                .contains(java.util.Set.of(snapshotPartition));
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
