package io.newsline.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdSerdeTest {
    private final ArticleIdSerde serde = new ArticleIdSerde();

    @Test
    void aSha256IdTakes33BytesAndComesBack() {
        String id = "79d721cb69906ae1aa0a9f9c6bc4e0dd6cd6d5e0c1a8a6d0e8f7f1e2b3c4d5e6";
        byte[] bytes = serde.serializer().serialize("t", id);
        assertThat(bytes).hasSize(33);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(id);
    }

    @Test
    void anyOtherIdComesBackToo() {
        for (String id :
                new String[] {"a", "", "ABCDEF", "79D721CB69906AE1AA0A9F9C6BC4E0DD6CD6D5E0C1A8A6D0E8F7F1E2B3C4D5E6"}) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", id)))
                    .isEqualTo(id);
        }
    }
}
