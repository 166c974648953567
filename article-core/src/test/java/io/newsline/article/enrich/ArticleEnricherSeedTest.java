package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.parse.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArticleEnricherSeedTest {
    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final ArticleEnricher ENRICHER = new ArticleEnricher();

    private static Map<String, NamedEntity> byId(Enrichment e) {
        return e.entities().stream().collect(Collectors.toMap(NamedEntity::id, Function.identity()));
    }

    private static List<String> topicIds(Enrichment e) {
        return e.topics().stream().map(ArticleTopic::id).toList();
    }

    @Nested
    class Seed000 {
        private final Enrichment enrichment = ENRICHER.enrich(Fixtures.parseSeed(Fixtures.SEED_000));

        @Test
        void findsThePeopleOrganisationsAndPlacesOfTheStory() {
            assertThat(byId(enrichment))
                    .containsKeys(
                            "benjamin-netanyahu",
                            "israel",
                            "hamas",
                            "gaza",
                            "qatar",
                            "donald-trump",
                            "steve-witkoff",
                            "edan-alexander",
                            "united-states",
                            "mike-huckabee",
                            "red-cross",
                            "israel-defense-forces");
        }

        @Test
        void typesTheEntities() {
            Map<String, NamedEntity> e = byId(enrichment);

            assertThat(e.get("benjamin-netanyahu").type()).isEqualTo(EntityKind.PERSON);
            assertThat(e.get("steve-witkoff").type()).isEqualTo(EntityKind.PERSON);
            assertThat(e.get("edan-alexander").type()).isEqualTo(EntityKind.PERSON);
            assertThat(e.get("hamas").type()).isEqualTo(EntityKind.ORGANIZATION);
            assertThat(e.get("ichilov-hospital").type()).isEqualTo(EntityKind.ORGANIZATION);
            assertThat(e.get("gaza").type()).isEqualTo(EntityKind.LOCATION);
            assertThat(e.get("qatar").type()).isEqualTo(EntityKind.LOCATION);
        }

        @Test
        void mergesSurnamesIntoTheFullName() {
            Map<String, NamedEntity> e = byId(enrichment);

            assertThat(e).doesNotContainKeys("netanyahu", "alexander", "witkoff", "trump");
            // Headline, sub-head and four body mentions; three of the five Alexander mentions are the surname alone.
            assertThat(e.get("benjamin-netanyahu").mentions()).isEqualTo(6);
            assertThat(e.get("edan-alexander").mentions()).isEqualTo(5);
            assertThat(e.get("steve-witkoff").mentions()).isEqualTo(3);
            assertThat(e.get("donald-trump").mentions()).isEqualTo(3);
        }

        @Test
        void stripsRolesAndHonorifics() {
            assertThat(enrichment.entities())
                    .extracting(NamedEntity::name)
                    .doesNotContain(
                            "Prime Minister Benjamin Netanyahu",
                            "Special Envoy Steve Witkoff",
                            "Ambassador Mike Huckabee",
                            "President Donald Trump");
        }

        @Test
        void countsDemonymsAndAliasesForTheCountry() {
            Map<String, NamedEntity> e = byId(enrichment);

            assertThat(e.get("israel").mentions()).isEqualTo(10); // 2 x Israel, 8 x Israeli
            assertThat(e.get("united-states").mentions()).isEqualTo(8); // 6 x U.S., 2 x American
            assertThat(e).doesNotContainKeys("israeli", "american", "us", "u-s");
        }

        @Test
        void topicsIncludeEveryPrincipalOfTheStory() {
            // The done criterion of issue 5: each of these appears in seed 000.
            assertThat(topicIds(enrichment))
                    .contains(
                            "benjamin-netanyahu",
                            "hamas",
                            "gaza",
                            "israel",
                            "qatar",
                            "donald-trump",
                            "steve-witkoff",
                            "edan-alexander");
        }

        @Test
        void entityTopicsAreTypedAsPeopleOrganisationsAndPlaces() {
            Map<String, ArticleTopicKind> kinds =
                    enrichment.topics().stream().collect(Collectors.toMap(ArticleTopic::id, ArticleTopic::kind));

            assertThat(kinds)
                    .containsEntry("benjamin-netanyahu", ArticleTopicKind.PERSON)
                    .containsEntry("hamas", ArticleTopicKind.ORGANIZATION)
                    .containsEntry("qatar", ArticleTopicKind.PLACE)
                    .containsEntry("united-states", ArticleTopicKind.PLACE);
        }

        @Test
        void topicsIncludeNetanyahuAndIsrael() {
            assertThat(topicIds(enrichment)).contains("benjamin-netanyahu", "israel", "hamas");
        }

        @Test
        void recentPostsHeadlinesLeaveNoTrace() {
            List<String> junk =
                    List.of("winnie", "harlow", "kuzma", "nfl", "carroll", "raiders", "browns", "dillon", "shedeur");
            String everything = (enrichment.entities() + " " + enrichment.keywords() + " " + enrichment.topics() + " "
                            + enrichment.summary())
                    .toLowerCase();

            assertThat(everything).doesNotContain(junk);
        }

        @Test
        void headlineCapitalisationCreatesNoEntities() {
            assertThat(enrichment.entities())
                    .extracting(NamedEntity::name)
                    .noneMatch(n -> n.contains("Insists")
                            || n.contains("Military Pressure")
                            || n.contains("Tanks")
                            || n.contains("Chess"));
        }

        @Test
        void summaryIsTheLeadSentencesNotTheSubhead() {
            assertThat(enrichment.summary())
                    .startsWith(
                            "Prime Minister Benjamin Netanyahu isn\u2019t changing course. Despite the rare U.S.-driven")
                    .doesNotContain("Sets the Tone")
                    .hasSizeLessThanOrEqualTo(300);
        }

        @Test
        void detectsEnglishAndCountsBodyWords() {
            assertThat(enrichment.language()).isEqualTo("en");
            assertThat(enrichment.wordCount()).isBetween(450, 500);
        }
    }

    @Nested
    class Seed002 {
        private final Enrichment enrichment = ENRICHER.enrich(Fixtures.parseSeed(Fixtures.SEED_002));

        @Test
        void topicsIncludeNetanyahuIsraelAndGazaCity() {
            assertThat(topicIds(enrichment)).contains("benjamin-netanyahu", "israel", "gaza-city");
        }

        @Test
        void gazaCityRollsUpIntoAGazaTopic() {
            // "Gaza City is a place in Gaza": the story is on the Gaza timeline too, below Gaza City.
            List<ArticleTopic> topics = enrichment.topics();
            ArticleTopic city = topics.stream()
                    .filter(t -> t.id().equals("gaza-city"))
                    .findFirst()
                    .orElseThrow();
            ArticleTopic gaza = topics.stream()
                    .filter(t -> t.id().equals("gaza"))
                    .findFirst()
                    .orElseThrow();

            assertThat(gaza.kind()).isEqualTo(ArticleTopicKind.PLACE);
            assertThat(gaza.salience()).isLessThan(city.salience());
        }

        @Test
        void demonymAndHeadlineMentionCountForIsrael() {
            // Headline "Israel", "Israeli Prime Minister ...", "the dual approach Israel is taking".
            assertThat(byId(enrichment).get("israel").mentions()).isEqualTo(3);
        }

        @Test
        void gazaCityIsOnePlaceNotGaza() {
            assertThat(byId(enrichment)).containsKey("gaza-city").doesNotContainKey("gaza");
            assertThat(byId(enrichment).get("gaza-city").type()).isEqualTo(EntityKind.LOCATION);
        }

        @Test
        void summaryIsNotTheDek() {
            assertThat(enrichment.summary())
                    .startsWith("Israeli Prime Minister Benjamin Netanyahu has directed his government")
                    .doesNotContain("urges prompt negotiations");
        }

        @Test
        void keywordSubjectsAreTheStorysHeadlineThemes() {
            // TF-IDF: "hostage" (in 5 of the 2,225 background documents) leads; common words never become subjects.
            assertThat(enrichment.keywords().get(0).term()).isEqualTo("hostage");
            assertThat(enrichment.topics().stream()
                            .filter(t -> t.kind() == ArticleTopicKind.SUBJECT)
                            .map(ArticleTopic::id))
                    .containsExactlyInAnyOrder("hostage", "negotiation");
        }

        @Test
        void sentenceInitialCommonWordsAreNotEntities() {
            assertThat(enrichment.entities())
                    .extracting(NamedEntity::name)
                    .doesNotContain("Government", "Analysts", "Military", "Observers", "The", "While", "For");
        }
    }

    @Test
    void idsAreLowercaseAsciiSlugs() {
        for (String seed : List.of(Fixtures.SEED_000, Fixtures.SEED_002)) {
            Enrichment e = ENRICHER.enrich(Fixtures.parseSeed(seed));

            assertThat(e.entities()).extracting(NamedEntity::id).allMatch(id -> id.matches(SLUG));
            assertThat(e.topics()).extracting(ArticleTopic::id).allMatch(id -> id.matches(SLUG));
        }
    }

    @Test
    void topicsAreAtMostTenWithSalienceInUnitRangeMostSalientFirst() {
        for (String seed : List.of(Fixtures.SEED_000, Fixtures.SEED_002)) {
            List<ArticleTopic> topics =
                    ENRICHER.enrich(Fixtures.parseSeed(seed)).topics();

            assertThat(topics).hasSizeBetween(1, 10);
            assertThat(topics).allMatch(t -> t.salience() >= 0 && t.salience() <= 1);
            assertThat(topics).extracting(ArticleTopic::salience).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void entitiesAreMostMentionedFirst() {
        List<NamedEntity> entities =
                ENRICHER.enrich(Fixtures.parseSeed(Fixtures.SEED_000)).entities();

        assertThat(entities).extracting(NamedEntity::mentions).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }
}
