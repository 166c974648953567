package io.newsline.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.avro.TopicKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Topic search: what matches a prefix, the order, and pages merged from several instances that line up. */
class TopicSearchTest {
    private static Map<String, Object> topic(String id, String label, String kind, long total) {
        return Map.of("topicId", id, "label", label, "kind", kind, "totalEntries", total);
    }

    private static final Map<String, Object> NETANYAHU = topic("benjamin-netanyahu", "Benjamin Netanyahu", "PERSON", 2);
    private static final Map<String, Object> SAO_PAULO = topic("sao-paulo", "São Paulo", "PLACE", 5);
    private static final Map<String, Object> GAZA_CITY = topic("gaza-city", "Gaza City", "PLACE", 1);

    @Test
    void aPrefixMatchesTheLabelAnyWordOfItOrTheIdIgnoringCaseAndAccents() {
        assertThat(new TopicSearch("netan", null, 10, null).matches(NETANYAHU)).isTrue();
        assertThat(new TopicSearch("BENJ", null, 10, null).matches(NETANYAHU)).isTrue();
        assertThat(new TopicSearch("benjamin-n", null, 10, null).matches(NETANYAHU))
                .isTrue();
        assertThat(new TopicSearch("anyahu", null, 10, null).matches(NETANYAHU)).isFalse();
        assertThat(new TopicSearch("sao", null, 10, null).matches(SAO_PAULO)).isTrue();
        assertThat(new TopicSearch("São P", null, 10, null).matches(SAO_PAULO)).isTrue();
        assertThat(new TopicSearch("city", TopicKind.PLACE, 10, null).matches(GAZA_CITY))
                .isTrue();
        assertThat(new TopicSearch("city", TopicKind.PERSON, 10, null).matches(GAZA_CITY))
                .isFalse();
        assertThat(new TopicSearch("", null, 10, null).matches(GAZA_CITY)).isTrue();
    }

    @Test
    void pagesOfAMergedSearchFollowEachOtherWithoutGapsOrRepeats() {
        List<Map<String, Object>> instanceA = new ArrayList<>();
        List<Map<String, Object>> instanceB = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            (i % 2 == 0 ? instanceA : instanceB).add(topic("topic-" + (100 + i), "Topic " + i, "SUBJECT", i % 4));
        }
        List<Object> seen = new ArrayList<>();
        TopicSearch.Position after = null;
        do {
            TopicSearch search = new TopicSearch("", null, 7, after);
            List<Map<String, Object>> found = new ArrayList<>();
            // Each instance sends its best limit + 1 after the cursor, as LocalQueries.searchTopics does.
            for (List<Map<String, Object>> instance : List.of(instanceA, instanceB)) {
                instance.stream()
                        .filter(search::matches)
                        .sorted(TopicSearch.ORDER)
                        .limit(8)
                        .forEach(found::add);
            }
            Map<String, Object> page = search.page(found);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> topics = (List<Map<String, Object>>) page.get("topics");
            topics.forEach(t -> seen.add(t.get("topicId")));
            String cursor = (String) page.get("nextCursor");
            after = cursor == null ? null : TopicSearch.Position.decode(cursor);
        } while (after != null);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        List<Map<String, Object>> all = new ArrayList<>(instanceA);
        all.addAll(instanceB);
        all.sort(TopicSearch.ORDER);
        assertThat(seen).isEqualTo(all.stream().map(t -> t.get("topicId")).toList());
        assertThat(((Number) all.get(0).get("totalEntries")).longValue()).isEqualTo(3);
    }

    @Test
    void aCursorThatIsNotOursIsRecognised() {
        assertThat(TopicSearch.Position.decode("!!")).isNull();
        assertThat(TopicSearch.Position.decode("bm90LWEtY3Vyc29y")).isNull(); // "not-a-cursor"
        TopicSearch.Position position = new TopicSearch.Position(12, "gaza");
        assertThat(TopicSearch.Position.decode(position.encode())).isEqualTo(position);
    }
}
