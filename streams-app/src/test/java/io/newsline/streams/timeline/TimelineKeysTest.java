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
                TimelineKeys.entryIndexKey("gaza", millis("2025-06-01T00:00:00Z"), "a"),
                TimelineKeys.entryIndexKey("gaza", millis("1969-12-31T00:00:00Z"), "z"),
                TimelineKeys.entryIndexKey("gaza", millis("2025-05-01T00:00:00Z"), "b"),
                TimelineKeys.entryIndexKey("gaza", millis("2025-05-01T00:00:00Z"), "a"),
                TimelineKeys.entryIndexKey("gaza-city", millis("2000-01-01T00:00:00Z"), "a")));
        keys.sort(Bytes::compareTo);

        assertThat(keys)
                .containsExactly(
                        TimelineKeys.entryIndexKey("gaza", millis("1969-12-31T00:00:00Z"), "z"),
                        TimelineKeys.entryIndexKey("gaza", millis("2025-05-01T00:00:00Z"), "a"),
                        TimelineKeys.entryIndexKey("gaza", millis("2025-05-01T00:00:00Z"), "b"),
                        TimelineKeys.entryIndexKey("gaza", millis("2025-06-01T00:00:00Z"), "a"),
                        TimelineKeys.entryIndexKey("gaza-city", millis("2000-01-01T00:00:00Z"), "a"));
    }

    @Test
    void topicRangeHoldsAllOfATopicAndNoneOfATopicItPrefixes() {
        Bytes from = TimelineKeys.topicRangeFrom("gaza");
        Bytes to = TimelineKeys.topicRangeTo("gaza");
        Bytes gaza = TimelineKeys.entryIndexKey("gaza", Long.MAX_VALUE, "zzz");
        Bytes gazaOld = TimelineKeys.entryIndexKey("gaza", Long.MIN_VALUE, "");
        Bytes gazaCity = TimelineKeys.entryIndexKey("gaza-city", 0, "a");

        assertThat(gaza.compareTo(from)).isPositive();
        assertThat(gaza.compareTo(to)).isNegative();
        assertThat(gazaOld.compareTo(from)).isPositive();
        assertThat(gazaCity.compareTo(to)).isPositive();
    }

    @Test
    void expiryRangeEndsJustBeforeTheCutoff() {
        long cutoff = millis("2025-06-01T00:00:00Z");
        Bytes bound = TimelineKeys.datedKeysBefore((byte) 'X', cutoff);

        assertThat(TimelineKeys.datedKey((byte) 'X', cutoff - 1, "gaza", "a").compareTo(bound))
                .isNegative();
        assertThat(TimelineKeys.datedKey((byte) 'X', cutoff, "gaza", "a").compareTo(bound))
                .isPositive();
        assertThat(TimelineKeys.parseDatedKey(TimelineKeys.datedKey((byte) 'X', cutoff, "gaza", "a")))
                .isEqualTo(new TimelineKeys.IndexedEntry("gaza", cutoff, "a"));
    }

    @Test
    void hexArticleIdsTakeHalfTheBytesAndKeepTheirOrder() {
        String low = "0".repeat(63) + "f";
        String high = "a" + "0".repeat(63);
        String notHex = "A" + "0".repeat(63);

        assertThat(TimelineKeys.articleKey(low)).hasSize(33);
        assertThat(TimelineKeys.articleKey(notHex)).hasSize(64);
        assertThat(Bytes.wrap(TimelineKeys.articleKey(low)).compareTo(Bytes.wrap(TimelineKeys.articleKey(high))))
                .isNegative();
        for (String id : List.of(low, high, notHex, "a", "")) {
            byte[] key = TimelineKeys.articleKey(id);
            assertThat(TimelineKeys.articleId(key, 0, key.length)).isEqualTo(id);
        }
    }

    @Test
    void entryIndexKeyParsesBackToTopicDateAndArticle() {
        String article = "79d721cb69906ae1" + "0".repeat(48);
        long date = millis("1987-03-03T00:00:00Z");
        Bytes key = TimelineKeys.entryIndexKey("benjamin-netanyahu", date, article);

        assertThat(key.get()).hasSize("benjamin-netanyahu".length() + 1 + 8 + 33);
        assertThat(TimelineKeys.parseEntryIndexKey(key))
                .isEqualTo(new TimelineKeys.IndexedEntry("benjamin-netanyahu", date, article));
        assertThat(TimelineKeys.publishedAtOf(key)).isEqualTo(date);
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
