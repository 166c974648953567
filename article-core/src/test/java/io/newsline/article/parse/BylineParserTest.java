package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BylineParserTest {
    @Test
    void readsASingleAuthor() {
        assertThat(BylineParser.parseByline("By Ethan Brown Pheels")).contains(List.of("Ethan Brown Pheels"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "By Ann Lee and Tom Hart",
                "By Ann Lee & Tom Hart",
                "By Ann Lee, Tom Hart",
                "Written by Ann Lee and Tom Hart"
            })
    void readsTwoAuthors(String line) {
        assertThat(BylineParser.parseByline(line)).contains(List.of("Ann Lee", "Tom Hart"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "By Ann Lee, Reuters",
                "By Ann Lee, Senior Correspondent",
                "By Ann Lee in Lisbon",
                "By Ann Lee for The Courier"
            })
    void dropsAgencyRoleAndPlace(String line) {
        assertThat(BylineParser.parseByline(line)).contains(List.of("Ann Lee"));
    }

    @Test
    void keepsNameParticles() {
        assertThat(BylineParser.parseByline("By Anne van der Berg")).contains(List.of("Anne van der Berg"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"By Monday, talks had resumed.", "By the end of the day", "By 2030", "Bystanders fled"})
    void rejectsSentencesThatStartWithBy(String line) {
        assertThat(BylineParser.parseByline(line)).isEmpty();
    }

    @Test
    void readsABareNameList() {
        assertThat(BylineParser.parseNames("Benjamin Calderwood")).contains(List.of("Benjamin Calderwood"));
    }

    @Test
    void bareSingleWordIsNotAName() {
        assertThat(BylineParser.parseNames("Calderwood")).isEmpty();
    }
}
