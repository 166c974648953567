package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicSelectorTest {
    private static final ArticleText TEXT = ArticleText.of("Hostage talks resume", null, List.of("Body."));

    private static NamedEntity entity(String name, EntityKind type, int mentions, double weight) {
        return new NamedEntity(type, name, Slugs.slug(name), mentions, weight);
    }

    @Test
    void mainEntityIsTheMostSalientTopic() {
        List<ArticleTopic> topics = new TopicSelector()
                .select(
                        TEXT,
                        List.of(
                                entity("Ada Lovell", EntityKind.PERSON, 6, 9.0),
                                entity("Lisbon", EntityKind.LOCATION, 2, 2.0)),
                        List.of());

        assertThat(topics).extracting(ArticleTopic::id).containsExactly("ada-lovell", "lisbon");
        assertThat(topics.get(0).kind()).isEqualTo(ArticleTopicKind.PERSON);
        assertThat(topics.get(1).kind()).isEqualTo(ArticleTopicKind.PLACE);
        assertThat(topics.get(0).salience()).isGreaterThan(topics.get(1).salience());
    }

    @Test
    void salienceStaysInTheUnitRange() {
        assertThat(TopicSelector.salience(1000, 1000)).isBetween(0.0, 1.0);
        assertThat(TopicSelector.salience(0, 10)).isZero();
    }

    @Test
    void capsTheNumberOfTopics() {
        List<NamedEntity> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(entity("Place " + (char) ('A' + i), EntityKind.LOCATION, 3, 5.0));
        }

        assertThat(new TopicSelector().select(TEXT, many, List.of())).hasSize(10);
        assertThat(new TopicSelector(3).select(TEXT, many, List.of())).hasSize(3);
    }

    @Test
    void untypedEntityMentionedOnceIsNoTopic() {
        List<ArticleTopic> topics =
                new TopicSelector().select(TEXT, List.of(entity("Sideways", EntityKind.OTHER, 1, 3.0)), List.of());

        assertThat(topics).isEmpty();
    }

    @Test
    void rareEntityIsNoTopic() {
        List<ArticleTopic> topics = new TopicSelector()
                .select(
                        TEXT,
                        List.of(
                                entity("Ada Lovell", EntityKind.PERSON, 30, 40.0),
                                entity("Lisbon", EntityKind.LOCATION, 1, 1.0)),
                        List.of());

        assertThat(topics).extracting(ArticleTopic::id).containsExactly("ada-lovell");
    }

    @Test
    void keywordFromTheHeadlineBecomesASubjectTopic() {
        List<ArticleTopic> topics = new TopicSelector()
                .select(TEXT, List.of(), List.of(new KeyTerm("hostage", 1.0), new KeyTerm("weather", 0.9)));

        assertThat(topics).extracting(ArticleTopic::id).containsExactly("hostage");
        assertThat(topics.get(0).kind()).isEqualTo(ArticleTopicKind.SUBJECT);
    }
}
