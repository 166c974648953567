package io.newsline.article.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The story features of hand-made inputs (no entities or keywords unless a test needs them). */
class StoryFeatureExtractorTest {
    private final StoryFeatureExtractor extractor = new StoryFeatureExtractor(StoryParams.defaults());

    private static StoryInput article(String title, List<String> body) {
        return new StoryInput("a1", 0, false, title, List.of(), List.of(), body);
    }

    private static Map<String, Double> bodyFeatures(StoryFeatures f) {
        Map<String, Double> body = new java.util.TreeMap<>();
        f.vector().forEach((k, w) -> {
            if (k.startsWith("b:")) {
                body.put(k, w);
            }
        });
        return body;
    }

    @Test
    void theVectorHasUnitLength() {
        StoryFeatures f = extractor.extract(new StoryInput(
                "a1",
                0,
                false,
                "Crane collapses in Port Elwin",
                List.of(new StoryInput.Entity("port-elwin", "Port Elwin", "LOCATION", 3)),
                List.of(new StoryInput.Keyword("crane", 1)),
                List.of("A crane collapsed at the quay of Port Elwin, injuring two dock workers.")));
        double squares = f.vector().values().stream().mapToDouble(w -> w * w).sum();
        assertThat(squares).isCloseTo(1, within(1e-12));
    }

    @Test
    void paragraphsAfterTheFirstBodyCharsAreNotRead() {
        String lead = "Harbour crane collapse injures dockers. ".repeat(StoryFeatureExtractor.BODY_CHARS / 40 + 1);
        StoryFeatures f = extractor.extract(article("Crane", List.of(lead, "Zeppelin sightings reported.")));
        assertThat(bodyFeatures(f)).containsKey("b:crane").doesNotContainKey("b:zeppelin");
    }

    @Test
    void theLeadEndsWithTheParagraphThatCrossesTheFirstBodyChars() {
        String half = "x".repeat(StoryFeatureExtractor.BODY_CHARS / 2);
        assertThat(StoryFeatureExtractor.lead(List.of(half, half + "x", "after", "more")))
                .containsExactly(half, half + "x");
        assertThat(StoryFeatureExtractor.lead(List.of(half, half, "after"))).containsExactly(half, half);
        assertThat(StoryFeatureExtractor.lead(List.of())).isEmpty();
    }

    @Test
    void theBodyBlockKeepsOnlyItsStrongestTerms() {
        // BODY_TERMS + 10 distinct made-up words once each (same idf: unknown to the background table), and one
        // word three times: it must be kept, and exactly BODY_TERMS terms in all, the first in term order.
        List<String> words = new ArrayList<>();
        for (int i = 0; i < StoryFeatureExtractor.BODY_TERMS + 10; i++) {
            words.add("zq" + (char) ('a' + i / 26) + (char) ('a' + i % 26));
        }
        String paragraph = String.join(" ", words) + " zzrepeat zzrepeat zzrepeat";
        Map<String, Double> body = bodyFeatures(extractor.extract(article("", List.of(paragraph))));
        assertThat(body).hasSize(StoryFeatureExtractor.BODY_TERMS).containsKey("b:zzrepeat");
        assertThat(body.get("b:zzrepeat")).isGreaterThan(body.get("b:zqaa"));
        assertThat(body).containsKey("b:" + words.get(StoryFeatureExtractor.BODY_TERMS - 2));
        assertThat(body).doesNotContainKey("b:" + words.get(StoryFeatureExtractor.BODY_TERMS - 1));
    }

    @Test
    void eachBlockIsScaledToItsShareOfTheStrongestEntity() {
        StoryFeatures f = extractor.extract(new StoryInput(
                "a1",
                0,
                false,
                "Elwin",
                List.of(new StoryInput.Entity("marta-kovacs", "Marta Kovacs", "PERSON", 2)),
                List.of(new StoryInput.Keyword("crane", 1)),
                List.of()));
        double entity = f.vector().get("e:marta-kovacs");
        assertThat(f.vector().get("k:crane") / entity).isCloseTo(StoryFeatureExtractor.KEYWORD_SHARE, within(1e-12));
        assertThat(f.vector().get("t:elwin") / entity).isCloseTo(StoryFeatureExtractor.HEADLINE_SHARE, within(1e-12));
    }

    @Test
    void theNumbersOfTheHeadlineAndTheLeadAreABlockOfTheirOwn() {
        String lead = "The 6.1 quake hit at dawn. ".repeat(StoryFeatureExtractor.BODY_CHARS / 27 + 1);
        StoryFeatures f = extractor.extract(
                article("Quake of 6.1 kills 25", List.of(lead, "Officials counted 312 aftershocks.")));
        assertThat(f.vector().keySet().stream().filter(k -> k.startsWith("n:")))
                .containsExactlyInAnyOrder("n:6.1", "n:25"); // not the paragraph after the lead
        // 6.1 is printed more often than 25 and has more characters: the block's best, at the block's share.
        double best = f.vector().get("n:6.1");
        double strongestBody = bodyFeatures(f).values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElseThrow();
        assertThat(best / strongestBody)
                .isCloseTo(StoryFeatureExtractor.NUMBER_SHARE / StoryFeatureExtractor.BODY_SHARE, within(1e-12));
        assertThat(f.vector().get("n:25")).isLessThan(best);
    }

    @Test
    void onlyTheStrongestNumbersAreKept() {
        // NUMBER_TERMS four-digit numbers (weight 3) and as many two-digit ones (weight 1): the four-digit ones stay.
        StringBuilder lead = new StringBuilder();
        for (int i = 0; i < StoryFeatureExtractor.NUMBER_TERMS; i++) {
            lead.append(5_000 + i).append(' ').append(50 + i).append(' ');
        }
        StoryFeatures f = extractor.extract(article("Results", List.of(lead.toString())));
        assertThat(f.vector().keySet().stream().filter(k -> k.startsWith("n:")))
                .hasSize(StoryFeatureExtractor.NUMBER_TERMS)
                .allMatch(k -> k.length() == "n:5000".length());
    }

    @Test
    void aNumbersWeightGrowsWithItsDigitsButAYearCountsLittle() {
        assertThat(StoryFeatureExtractor.numberWeight("12")).isEqualTo(1);
        assertThat(StoryFeatureExtractor.numberWeight("250")).isEqualTo(2);
        assertThat(StoryFeatureExtractor.numberWeight("6.1")).isEqualTo(2);
        assertThat(StoryFeatureExtractor.numberWeight("2500")).isEqualTo(3);
        assertThat(StoryFeatureExtractor.numberWeight("1250000")).isEqualTo(3);
        assertThat(StoryFeatureExtractor.numberWeight("1987")).isEqualTo(1);
    }

    @Test
    void aBodyTermsRarenessCountsMoreThanItsRepetition() {
        // Twice as rare beats four times as often: sqrt(1) * (2 idf)^1.5 > sqrt(4) * idf^1.5 (plain TF-IDF with
        // 1 + ln tf would say the opposite).
        assertThat(StoryFeatureExtractor.bodyWeight(1, 4.0)).isGreaterThan(StoryFeatureExtractor.bodyWeight(4, 2.0));
        assertThat(StoryFeatureExtractor.bodyWeight(4, 4.0)).isCloseTo(16.0, within(1e-12));
    }

    @Test
    void aHostileArticlesFeaturesStayTheSizeOfARealOnes() {
        StringBuilder title = new StringBuilder();
        for (int i = 0; title.length() < 200_000; i++) {
            title.append("Head").append(letters(i)).append(' ');
        }
        String longWord = "x".repeat(5_000);
        String longName = "Zed ".repeat(1_000) + "\uD83D\uDE00";
        StoryFeatures f = extractor.extract(new StoryInput(
                "a1",
                0,
                false,
                title.toString(),
                List.of(
                        new StoryInput.Entity("zed", longName, "PERSON", 2),
                        new StoryInput.Entity(longWord, "Long", "PERSON", 9)),
                List.of(new StoryInput.Keyword(longWord, 1), new StoryInput.Keyword("crane", 0.5)),
                List.of(longWord + " crane collapse at the quay " + longWord + " " + manyNumbers())));

        assertThat(f.title()).hasSize(StoryFeatureExtractor.MAX_TITLE_CHARS);
        assertThat(f.vector().keySet().stream().filter(k -> k.startsWith("t:")))
                .hasSize(StoryFeatureExtractor.MAX_HEADLINE_TERMS);
        assertThat(f.vector().keySet())
                .allMatch(k -> k.length() <= StoryFeatureExtractor.MAX_TERM_CHARS)
                .contains("e:zed", "k:crane", "b:crane");
        assertThat(f.vector().keySet().stream().filter(k -> k.startsWith("n:")))
                .hasSize(StoryFeatureExtractor.NUMBER_TERMS);
        assertThat(f.names().get("e:zed")).hasSizeLessThanOrEqualTo(StoryFeatureExtractor.MAX_NAME_CHARS);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        assertThat(StoryFeatureExtractor.cut("ab\uD83D\uDE00", 3)).isEqualTo("ab");
        assertThat(StoryFeatureExtractor.cut("abc", 3)).isEqualTo("abc");
        assertThat(StoryFeatureExtractor.cut("abcd", 3)).isEqualTo("abc");
    }

    /** 5,000 distinct numbers. */
    private static String manyNumbers() {
        StringBuilder numbers = new StringBuilder();
        for (int i = 100; i < 5_100; i++) {
            numbers.append(i).append(' ');
        }
        return numbers.toString();
    }

    /** {@code i} spelled in letters (words with digits are no terms). */
    private static String letters(int i) {
        StringBuilder word = new StringBuilder();
        for (char c : Integer.toString(i, 26).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 26)));
        }
        return word.toString();
    }
}
