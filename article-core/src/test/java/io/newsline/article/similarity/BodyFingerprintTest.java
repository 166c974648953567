package io.newsline.article.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.parse.ArticleParser;
import io.newsline.article.parse.ArticleParts;
import io.newsline.article.parse.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyFingerprintTest {
    private static final List<String> BODY = List.of(
            "The council\u2019s \u201Cfinal\u201D vote \u2014 held late \u2014 passed 9-2.",
            "Work starts next spring.");

    private static ArticleParts parse(String text) {
        return new ArticleParser().parse(text, Fixtures.NOW);
    }

    @Test
    void isTheLowercaseHexSha256OfTheNormalizedBody() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("the councils final vote held late passed 9 2 work starts next spring"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(BodyFingerprint.of(BODY)).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void normalizesCaseQuotesDashesPunctuationAndSpacing() {
        assertThat(BodyFingerprint.normalize("  The Council\u2019s \u201CFinal\u201D  vote\u2014held\tlate!  "))
                .isEqualTo("the councils final vote held late");
    }

    @Test
    void ignoresWhitespaceAndLineWrapping() {
        List<String> rewrapped = List.of(
                "The   council\u2019s \u201Cfinal\u201D vote \u2014 held\nlate \u2014 passed 9-2.  Work starts next spring.");

        assertThat(BodyFingerprint.of(rewrapped)).isEqualTo(BodyFingerprint.of(BODY));
    }

    @Test
    void ignoresQuoteStyle() {
        List<String> straight =
                List.of("The council's \"final\" vote -- held late -- passed 9-2.", "Work starts next spring.");

        assertThat(BodyFingerprint.of(straight)).isEqualTo(BodyFingerprint.of(BODY));
    }

    @Test
    void ignoresLetterCase() {
        List<String> upper = BODY.stream().map(String::toUpperCase).toList();

        assertThat(BodyFingerprint.of(upper)).isEqualTo(BodyFingerprint.of(BODY));
    }

    @Test
    void appliesNfkcSoCompatibilityCharactersMatch() {
        // Full-width digits and the "fi" ligature are NFKC-equivalent to their plain forms.
        assertThat(BodyFingerprint.of(List.of("\uFB01nal vote \uFF19-\uFF12")))
                .isEqualTo(BodyFingerprint.of(List.of("final vote 9-2")));
    }

    @Test
    void differsWhenAWordChanges() {
        List<String> changed = List.of(BODY.get(0).replace("9-2", "8-3"), BODY.get(1));

        assertThat(BodyFingerprint.of(changed)).isNotEqualTo(BodyFingerprint.of(BODY));
    }

    @Test
    void resentSeedGivesTheSameFingerprint() {
        String seed = Fixtures.seed(Fixtures.SEED_000);

        assertThat(BodyFingerprint.of(parse(seed))).isEqualTo(BodyFingerprint.of(parse(seed)));
    }

    @Test
    void copyWithOtherHeadlineSpacingAndLineEndingsGivesTheSameFingerprint() {
        String seed = Fixtures.seed(Fixtures.SEED_000);
        String[] lines = seed.split("\n", 2);
        String respaced = "\n" + lines[0].replace(" ", "  ") + "  \r\n\r\n\r\n" + lines[1].replace("\n", "\r\n");

        ArticleParts copy = parse(respaced);

        assertThat(copy.title()).isEqualTo(parse(seed).title());
        assertThat(BodyFingerprint.of(copy)).isEqualTo(BodyFingerprint.of(parse(seed)));
    }

    @Test
    void headlineIsNotPartOfTheFingerprint() {
        ArticleParts a = parse("Council backs tram line\n\nThe vote passed 9-2.");
        ArticleParts b = parse("Tram line wins council support\n\nThe vote passed 9-2.");

        assertThat(BodyFingerprint.of(a)).isEqualTo(BodyFingerprint.of(b));
    }

    @Test
    void differentSeedsHaveDifferentFingerprints() {
        assertThat(BodyFingerprint.of(Fixtures.parseSeed(Fixtures.SEED_000)))
                .isNotEqualTo(BodyFingerprint.of(Fixtures.parseSeed(Fixtures.SEED_002)));
    }

    @Test
    void emptyBodyFallsBackToTheHeadline() {
        ArticleParts a = parse("Library opens late on Thursdays");
        ArticleParts b = parse("Pool closes early on Fridays");

        assertThat(BodyFingerprint.of(a)).isNotEqualTo(BodyFingerprint.of(b));
        assertThat(BodyFingerprint.of(a)).isEqualTo(BodyFingerprint.of(List.of("library opens late on thursdays")));
    }
}
