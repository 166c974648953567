package io.newsline.article.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Sha256Test {
    /** FIPS 180-2's test vector for "abc", and the digest of nothing. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void knownDigests() {
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
        assertThat(Sha256.hex(new byte[0])).isEqualTo(EMPTY);
        assertThat(Sha256.digest("abc")).isEqualTo(HexFormat.of().parseHex(ABC));
        assertThat(ArticleIds.of("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(ABC);
    }

    @Test
    void textIsHashedAsUtf8() {
        assertThat(Sha256.hex("Zürich")).isEqualTo(Sha256.hex("Zürich".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneDigestAfterAnotherAndAcrossThreadsGiveTheSameAnswer() {
        List<String> parallel = IntStream.range(0, 2_000)
                .parallel()
                .mapToObj(i -> Sha256.hex(i % 2 == 0 ? "abc" : ""))
                .toList();

        assertThat(parallel).allMatch(hex -> hex.equals(ABC) || hex.equals(EMPTY));
        assertThat(IntStream.range(0, 2_000).filter(i -> parallel.get(i).equals(i % 2 == 0 ? ABC : EMPTY)))
                .hasSize(2_000);
    }
}
