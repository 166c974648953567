package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HeadlineChooserTest {
    private static final String BODY = "<p>Council workers began repairs to the bridge on Monday morning.</p>";

    private static String choose(String bodyHtml, String siteName, String... titles) {
        return HeadlineChooser.choose(
                Jsoup.parse("<html><body>" + bodyHtml + BODY + "</body></html>"),
                Arrays.asList(titles),
                siteName,
                List.of("Council workers began repairs to the bridge on Monday morning."));
    }

    @Test
    void aHeadingAgreesWithATitleAroundAnySeparatorWhenItIsTheLongerSide() {
        String key = Texts.comparable("Bridge closed for repairs");
        assertThat(HeadlineChooser.agrees(key, "Bridge closed for repairs | Springfield Post"))
                .isTrue();
        assertThat(HeadlineChooser.agrees(key, "Opinion | Bridge closed for repairs"))
                .isTrue();
        assertThat(HeadlineChooser.agrees(key, "Bridge closed for repairs \u2014 World \u00BB Springfield Post"))
                .isTrue();
        assertThat(HeadlineChooser.agrees(key, "Bridge closed for repairs: Springfield Post"))
                .isTrue();
        assertThat(HeadlineChooser.agrees(key, "BRIDGE CLOSED FOR REPAIRS")).isTrue();
        assertThat(HeadlineChooser.agrees(
                        Texts.comparable("Bridge closed for repairs for two weeks"), "Bridge closed for repairs"))
                .isTrue(); // a cut-off og:title
        assertThat(HeadlineChooser.agrees(
                        Texts.comparable("Springfield Post"), "Bridge closed for repairs | Springfield Post"))
                .isFalse();
    }

    @Test
    void theAgreeingHeadingWinsOverTheLogoHeading() {
        assertThat(choose(
                        "<h1>Springfield Post</h1><h1>Bridge closed for repairs</h1>",
                        "Springfield Post",
                        "Bridge closed for repairs - Springfield Post"))
                .isEqualTo("Bridge closed for repairs");
        // The headline is an <h2> under a logo <h1>.
        assertThat(choose(
                        "<h1>Springfield Post</h1><h2 class='article-title'>Bridge closed for repairs</h2>",
                        "Springfield Post",
                        "Bridge closed for repairs | Springfield Post"))
                .isEqualTo("Bridge closed for repairs");
    }

    @Test
    void aVisibleHeadingWordedDifferentlyFromTheSeoTitleIsTheHeadline() {
        assertThat(choose(
                        "<header class='article-header'><h1>Why the bridge had to close</h1></header>",
                        null,
                        "Springfield bridge closure: what we know",
                        "Springfield bridge closure: what we know | Springfield Post"))
                .isEqualTo("Why the bridge had to close");
        // ... unless that heading is navigation.
        assertThat(choose(
                        "<nav><h1>Latest news from town</h1></nav>",
                        null,
                        "Bridge closed for repairs | Springfield Post"))
                .isEqualTo("Bridge closed for repairs");
    }

    @Test
    void metadataTitlesLoseSiteAndSectionNames() {
        assertThat(HeadlineChooser.withoutSiteNames("Bridge closed for repairs | World | News | Post.co.uk", null))
                .isEqualTo("Bridge closed for repairs");
        assertThat(HeadlineChooser.withoutSiteNames("Springfield Post \u00BB Bridge closed for repairs", null))
                .isEqualTo("Bridge closed for repairs");
        assertThat(HeadlineChooser.withoutSiteNames("Bridge closed for repairs \u2014 www.post.example", null))
                .isEqualTo("Bridge closed for repairs");
        assertThat(HeadlineChooser.withoutSiteNames(
                        "Bridge closed: repairs start Monday: Springfield Post", "Springfield Post"))
                .isEqualTo("Bridge closed: repairs start Monday");
        assertThat(HeadlineChooser.withoutSiteNames("Fact Check: the bridge was not sold", null))
                .isEqualTo("Fact Check: the bridge was not sold");
    }

    @Test
    void withoutMetadataTheHeadingRightAboveTheTextWins() {
        assertThat(choose("<h1>The Springfield Allotment Blog</h1><h2>Bridge closed for repairs</h2>", null))
                .isEqualTo("Bridge closed for repairs");
        assertThat(HeadlineChooser.choose(Jsoup.parse("<p>Nothing at all here.</p>"), List.of(), null, List.of()))
                .isNull();
    }
}
