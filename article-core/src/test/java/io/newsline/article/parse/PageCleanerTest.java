package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PageCleanerTest {

    private static Element el(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0);
    }

    @Test
    void chromeIsNamedByAWholeClassTokenOrIdWithAtMostOnePrefixAndSuffixWord() {
        assertThat(PageCleaner.chromeNamed(el("<div class='story social-share'></div>")))
                .isTrue();
        assertThat(PageCleaner.chromeNamed(el("<div class='related-links'></div>")))
                .isTrue();
        assertThat(PageCleaner.chromeNamed(el("<div class='inline-related alignleft'></div>")))
                .isTrue();
        assertThat(PageCleaner.chromeNamed(el("<div id='comments'></div>"))).isTrue();
        assertThat(PageCleaner.chromeNamed(el("<span class='photo-credit'></span>")))
                .isTrue();
        // Compounds that only contain a chrome word are article containers on real sites.
        assertThat(PageCleaner.chromeNamed(el("<div class='entry-content entry-content-read-more'></div>")))
                .isFalse();
        assertThat(PageCleaner.chromeNamed(el("<div class='field field-label-hidden'></div>")))
                .isFalse();
        assertThat(PageCleaner.chromeNamed(el("<div class='box article modal-enabled'></div>")))
                .isFalse();
    }

    @Test
    void hiddenByAttributeStyleOrAHidingClassButNotByAScreenSizeClass() {
        assertThat(PageCleaner.hidden(el("<span hidden>x</span>"))).isTrue();
        assertThat(PageCleaner.hidden(el("<span aria-hidden='true'>x</span>"))).isTrue();
        assertThat(PageCleaner.hidden(el("<span style='color:red; DISPLAY : none'>x</span>")))
                .isTrue();
        assertThat(PageCleaner.hidden(el("<span class='meta sr-only'>x</span>")))
                .isTrue();
        assertThat(PageCleaner.hidden(el("<span class='hidden-xs'>x</span>"))).isFalse();
        assertThat(PageCleaner.hidden(el("<span style='display:block'>x</span>")))
                .isFalse();
    }

    @Test
    void removesFiguresHiddenAndChromeButKeepsAChromeNamedElementHoldingMostOfThePage() {
        String para = "<p>" + "A sentence of the article that is long enough to count. ".repeat(6) + "</p>";
        Document doc = Jsoup.parse("<body><div class='post share-container'>" + para + para
                + "<figure><figcaption>A caption</figcaption></figure><span class='hidden'>meta</span></div>"
                + "<div class='share-bar'>Share this</div></body>");

        int removed = PageCleaner.clean(doc.body());

        assertThat(removed).isEqualTo(3);
        assertThat(doc.body().text())
                .contains("A sentence of the article")
                .doesNotContain("A caption", "meta", "Share this");
    }
}
