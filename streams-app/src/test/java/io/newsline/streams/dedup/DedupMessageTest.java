package io.newsline.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.streams.dedup.DedupMessage.Compare;
import io.newsline.streams.dedup.DedupMessage.CompareResult;
import io.newsline.streams.dedup.DedupMessage.Member;
import io.newsline.streams.dedup.DedupMessage.Probe;
import io.newsline.streams.dedup.DedupMessage.Reply;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class DedupMessageTest {
    private static final String ID = "79d721cb69906ae1c0ffee00112233445566778899aabbccddeeff0011223344";
    private final Serde<DedupMessage> serde = DedupMessage.serde();

    @Test
    void everyMessageSurvivesItsBinaryLayout() {
        Member a = new Member(ArticleKey.of(ID), 1_700_000_000_000L, 3);
        Member b = new Member(ArticleKey.of("not-a-hash"), 1_700_000_000_500L, 0);
        Probe probe = new Probe(5, a, new long[] {1L, -2L, Long.MAX_VALUE}, true, 42L);
        Probe decoded = (Probe) roundTrip(probe);
        assertThat(decoded.partition()).isEqualTo(5);
        assertThat(decoded.article().key()).isEqualTo(a.key());
        assertThat(decoded.article().indexTime()).isEqualTo(a.indexTime());
        assertThat(decoded.bandKeys()).containsExactly(1L, -2L, Long.MAX_VALUE);
        assertThat(decoded.hasFingerprint()).isTrue();
        assertThat(decoded.fingerprintKey()).isEqualTo(42L);

        Reply reply = (Reply) roundTrip(new Reply(3, a.key(), List.of(b)));
        assertThat(reply.candidates()).singleElement().satisfies(member -> {
            assertThat(member.key()).isEqualTo(b.key());
            assertThat(member.home()).isZero();
        });

        Compare compare = (Compare) roundTrip(new Compare(0, b, a, ID, 99L, "ab".repeat(32), new int[] {7, -7}));
        assertThat(compare.fromId()).isEqualTo(ID);
        assertThat(compare.fromShingles()).containsExactly(7, -7);
        assertThat(compare.target().key()).isEqualTo(b.key());

        CompareResult result = (CompareResult) roundTrip(new CompareResult(3, a.key(), "other", 5L, 0.625, false));
        assertThat(result.partnerId()).isEqualTo("other");
        assertThat(result.similarity()).isEqualTo(0.625);
    }

    @Test
    void aMessageOfAnotherVersionIsRefusedNotMisread() {
        byte[] bytes = serde.serializer().serialize("t", new Reply(0, ArticleKey.of(ID), List.of()));
        bytes[0] = 9;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes)).hasMessageContaining("version 9");
    }

    @Test
    void articleKeysAreSixteenBytesAndStable() {
        assertThat(ArticleKey.of(ID)).hasSize(16).isEqualTo(ArticleKey.of(ID));
        assertThat(ArticleKey.of("a")).hasSize(16).isNotEqualTo(ArticleKey.of("b"));
    }

    @Test
    void storedStateSurvivesItsBinaryLayout() {
        DedupState.Decided decided = new DedupState.Decided(
                ID, 5L, "ab".repeat(32), "file:///a.txt", "Title", new int[] {1, 2, 3}, null, 0L, false, 0.0);
        var decidedSerde = DedupState.decidedSerde();
        assertThat(decidedSerde
                        .deserializer()
                        .deserialize("t", decidedSerde.serializer().serialize("t", decided)))
                .usingRecursiveComparison()
                .isEqualTo(decided);
        var revised = decided.withOriginal("other", 4L, true, 1.0);
        assertThat(decidedSerde
                        .deserializer()
                        .deserialize("t", decidedSerde.serializer().serialize("t", revised)))
                .usingRecursiveComparison()
                .isEqualTo(revised);
    }

    private DedupMessage roundTrip(DedupMessage message) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", message));
    }
}
