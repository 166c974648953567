package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateFilterTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Recent-posts",
                "Recent posts",
                "RECENT POSTS:",
                "Related",
                "Related articles",
                "Read more",
                "Most read",
                "You may also like",
                "More from Business"
            })
    void recognisesListHeadings(String line) {
        assertThat(BoilerplateFilter.isListHeading(line)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "latest business news?",
                "Latest sports news",
                "Share this article",
                "Facebook Twitter LinkedIn Email",
                "Subscribe to our newsletter for daily updates",
                "Sign up for breaking news alerts",
                "Follow us on Instagram",
                "Advertisement",
                "Read more: Ten ferry routes that will change your commute",
                "\u00A9 2025 Harbour Daily. All rights reserved.",
                "Tags: transport, council, trams"
            })
    void recognisesSingleBoilerplateLines(String line) {
        assertThat(BoilerplateFilter.isBoilerplateLine(line)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Netanyahu Sets the Tone: Talks and Tanks Move Forward Together",
                "The council shared the report with residents on Monday.",
                "More rain is expected later in the week.",
                "Related talks will take place in Cairo next week, officials said."
            })
    void leavesArticleTextAlone(String line) {
        assertThat(BoilerplateFilter.isBoilerplateLine(line)).isFalse();
        assertThat(BoilerplateFilter.isListHeading(line)).isFalse();
    }

    @Test
    void removesTheHeadingAndTheTeaserHeadlinesAfterIt() {
        BoilerplateFilter.Result r = BoilerplateFilter.filter(List.of(
                "The vote was close.",
                "Recent posts",
                "Five Walks to Try This Autumn",
                "- Local Choir Wins Regional Prize"));

        assertThat(r.kept()).containsExactly("The vote was close.");
        assertThat(r.removed()).isEqualTo(3);
    }

    @Test
    void keepsProseThatFollowsATeaserList() {
        BoilerplateFilter.Result r = BoilerplateFilter.filter(List.of(
                "The vote was close.",
                "Related",
                "Five Walks to Try This Autumn",
                "Councillors will meet again next month to agree the final timetable."));

        assertThat(r.kept())
                .containsExactly(
                        "The vote was close.", "Councillors will meet again next month to agree the final timetable.");
    }
}
