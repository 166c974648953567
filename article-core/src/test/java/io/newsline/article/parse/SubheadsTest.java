package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubheadsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Netanyahu Sets the Tone: Talks and Tanks Move Forward Together",
                "Hostage Talks Reflect High-Stakes Chess Between Negotiation and Force",
                "What happens next?",
                "2026 and beyond"
            })
    void shortLinesWithoutSentenceEndingAreSubheads(String line) {
        assertThat(Subheads.isSubhead(line)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "The release of Alexander is a rare patch of optimism.",
                "Officials declined to comment,",
                "the lower-case start of a wrapped line",
                "Why did the talks stall for so long when both sides said they wanted a deal and the mediators were ready?",
                "A very long line without a full stop that goes on and on about the talks and the military campaign and"
                        + " the families of hostages waiting for news"
            })
    void proseIsNotASubhead(String line) {
        assertThat(Subheads.isSubhead(line)).isFalse();
    }
}
