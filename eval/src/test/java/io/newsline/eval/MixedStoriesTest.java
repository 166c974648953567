package io.newsline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixedStoriesTest {
    @Test
    void countsStoriesThatMixCorporaOrSpanFoldersWithTheirArticles() {
        Map<String, List<String>> byStory = new LinkedHashMap<>();
        byStory.put("one-folder", List.of("bbc/sport/1.txt", "bbc/sport/2.txt", "bbc/sport/3.txt"));
        byStory.put("mixed-pair", List.of("bbc/business/4.txt", "reuters/reuters-1.txt"));
        byStory.put("mixed-three", List.of("reuters/reuters-2.txt", "bbc/tech/5.txt", "reuters/reuters-3.txt"));
        byStory.put("spanning-pair", List.of("bbc/tech/6.txt", "bbc/business/7.txt"));
        byStory.put(
                "spanning-four",
                List.of("bbc/politics/8.txt", "bbc/politics/9.txt", "bbc/business/10.txt", "bbc/sport/11.txt"));
        byStory.put("reuters-only", List.of("reuters/reuters-4.txt", "reuters/reuters-5.txt", "reuters/reuters-6.txt"));
        byStory.put("single", List.of("bbc/sport/12.txt"));

        MixedStories mix = MixedStories.of(byStory, true);

        assertThat(mix).isEqualTo(new MixedStories(2, 5, 2, 6, 1, 3, 1, 4));
        assertThat(mix.line())
                .isEqualTo("mixed stories (precision proxy): of 2+ articles, 2 mix corpora (5 articles), 2 span folders"
                        + " of one corpus (6 articles); of 3+ articles, 1 mix corpora (3 articles), 1 span folders (4"
                        + " articles)");
    }

    @Test
    void withOneDirOnlyFoldersCount() {
        Map<String, List<String>> byStory =
                Map.of("a", List.of("sport/1.txt", "business/2.txt", "sport/3.txt"), "b", List.of("x.txt", "y.txt"));

        assertThat(MixedStories.of(byStory, false)).isEqualTo(new MixedStories(0, 0, 1, 3, 0, 0, 1, 3));
        assertThat(MixedStories.applies(List.of("sport/1.txt"), false)).isTrue();
        assertThat(MixedStories.applies(List.of("1_10ecb.txt", "2_3ecb.txt"), false))
                .isFalse();
        assertThat(MixedStories.applies(List.of("x.txt"), true)).isTrue();
    }
}
