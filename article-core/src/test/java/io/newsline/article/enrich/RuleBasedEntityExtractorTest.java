package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleBasedEntityExtractorTest {
    private final RuleBasedEntityExtractor extractor = new RuleBasedEntityExtractor();

    private Map<String, NamedEntity> extract(String title, String... paragraphs) {
        return extractor.extract(ArticleText.of(title, null, List.of(paragraphs))).stream()
                .collect(Collectors.toMap(NamedEntity::id, Function.identity()));
    }

    @Test
    void theTreasuryIsTheTreasuryOfTheArticlesCountry() {
        Map<String, NamedEntity> uk = extract(
                "Treasury warns on spending",
                "The Treasury said on Monday that British spending must fall, and the UK chancellor agreed.");
        Map<String, NamedEntity> us = extract(
                "Treasury warns on spending",
                "The Treasury said on Monday that American spending must fall, and the US secretary agreed.");
        Map<String, NamedEntity> none =
                extract("Treasury warns on spending", "The Treasury said on Monday that spending must fall.");

        assertThat(uk).containsKey("hm-treasury").doesNotContainKey("treasury");
        assertThat(uk.get("hm-treasury").mentions()).isEqualTo(2);
        assertThat(us).containsKey("united-states-department-of-the-treasury");
        assertThat(none).doesNotContainKeys("hm-treasury", "united-states-department-of-the-treasury");
    }

    @Test
    void aCompanysShortNameMergesIntoItsFullName() {
        Map<String, NamedEntity> e = extract(
                "Corvane Holdings Inc raises dividend",
                "Corvane Holdings Inc said on Monday it raised its quarterly dividend.",
                "Corvane said earnings rose. Officials in Bristol, where Bristol University is based, welcomed it.");

        assertThat(e).containsKey("corvane-holdings-inc").doesNotContainKey("corvane");
        assertThat(e).containsKey("bristol");
    }

    @Test
    void aCompanyNamedWithAndIsOneName() {
        Map<String, NamedEntity> e = extract(
                "Results",
                "On Monday, Corvane and Pell Inc said profits rose.",
                "Talks between Ada Lovell and Ben Ortiz Inc. staff, and between Dunmore Ltd and Keswick Corp, ended.");

        assertThat(e).containsKey("corvane-and-pell-inc").doesNotContainKeys("corvane", "pell-inc");
        assertThat(e).containsKeys("dunmore-ltd", "keswick-corp");
    }

    @Test
    void aDiseaseByItsLowerCaseNameCountsForItsCanonicalName() {
        Map<String, NamedEntity> e = extract(
                "Swine flu cases rise",
                "Cases of swine flu rose again on Monday. The H1N1 virus has spread to 20 countries.",
                "Doctors said H1N1 was less deadly than feared.");

        assertThat(e).containsKey("h1n1").doesNotContainKeys("swine-flu", "swine");
        assertThat(e.get("h1n1").mentions()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void shortFormsFromTheAliasTableLandOnOneEntity() {
        Map<String, NamedEntity> e = extract(
                "Fed holds rates",
                "The Federal Reserve held rates on Wednesday. The Fed said inflation was easing.",
                "Officials at the Fed declined to comment.");

        assertThat(e).containsKey("federal-reserve").doesNotContainKey("fed");
        assertThat(e.get("federal-reserve").mentions()).isEqualTo(4);
    }

    @Test
    void roleBeforeANameMakesItAPersonAndIsStripped() {
        Map<String, NamedEntity> e =
                extract("Talks", "The talks were led by Foreign Minister Ada Lovell of the coalition.");

        assertThat(e).containsKey("ada-lovell").doesNotContainKey("foreign-minister-ada-lovell");
        assertThat(e.get("ada-lovell").type()).isEqualTo(EntityKind.PERSON);
    }

    @Test
    void countryBeforeARoleCountsForTheCountry() {
        Map<String, NamedEntity> e =
                extract("Talks", "Talks were hosted by French Prime Minister Ada Lovell on Monday.");

        assertThat(e).containsKeys("ada-lovell", "france");
    }

    @Test
    void honorificWithoutAPeriodIsStrippedAndTheSurnameMerged() {
        Map<String, NamedEntity> e = extract(
                "Budget",
                "The budget was presented by finance minister Ada Lovell on Monday.",
                "Speaking later, Ms Lovell said the plan was fair.");

        assertThat(e).containsOnlyKeys("ada-lovell");
        assertThat(e.get("ada-lovell").mentions()).isEqualTo(2);
    }

    @Test
    void surnameAfterAnHonorificIsNotTakenForADemonym() {
        Map<String, NamedEntity> e = extract(
                "Gadgets",
                "The list was drawn up by editor Oliver Irish of the magazine.",
                "Mr Irish said sales would rise.");

        assertThat(e).containsOnlyKeys("oliver-irish");
    }

    @Test
    void surnameIsNotMergedWhenTwoPeopleShareIt() {
        Map<String, NamedEntity> e = extract(
                "Tennis",
                "The final pitted Serena Lowe against her sister Venus Lowe in the capital.",
                "In the end Lowe won in three sets.");

        assertThat(e).containsKeys("serena-lowe", "venus-lowe", "lowe");
    }

    @Test
    void possessiveIsStripped() {
        Map<String, NamedEntity> e = extract("Deal", "The deal was struck in Lisbon under Portugal\u2019s new rules.");

        assertThat(e).containsKeys("portugal", "lisbon");
    }

    @Test
    void demonymCountsTowardItsCountry() {
        Map<String, NamedEntity> e =
                extract("Talks", "Qatari mediators met Egyptian officials and a Qatari envoy in Cairo.");

        assertThat(e.get("qatar").mentions()).isEqualTo(2);
        assertThat(e.get("qatar").type()).isEqualTo(EntityKind.LOCATION);
        assertThat(e).containsKeys("egypt", "cairo");
    }

    @Test
    void hyphenatedDemonymsCountForBothCountries() {
        Map<String, NamedEntity> e = extract("Soldier", "The freed American-Israeli soldier flew home on Tuesday.");

        assertThat(e).containsKeys("united-states", "israel");
    }

    @Test
    void aliasesResolveToTheCanonicalEntity() {
        Map<String, NamedEntity> e = extract(
                "Aid", "The IDF said the U.S. and the USA mission agreed with the United States embassy on aid.");

        assertThat(e).containsKeys("israel-defense-forces", "united-states");
        assertThat(e.get("united-states").mentions()).isEqualTo(3);
    }

    @Test
    void cueWordsTypeOrganisationsAndPlaces() {
        Map<String, NamedEntity> e = extract(
                "Hospital",
                "Patients were moved from Northfield Hospital to a clinic run by Riverton University near Harbour City.");

        assertThat(e.get("northfield-hospital").type()).isEqualTo(EntityKind.ORGANIZATION);
        assertThat(e.get("riverton-university").type()).isEqualTo(EntityKind.ORGANIZATION);
        assertThat(e.get("harbour-city").type()).isEqualTo(EntityKind.LOCATION);
    }

    @Test
    void personNounBeforeANameMakesItAPerson() {
        Map<String, NamedEntity> e = extract("Release", "Crowds welcomed hostage Edan Varo at the border.");

        assertThat(e.get("edan-varo").type()).isEqualTo(EntityKind.PERSON);
    }

    @Test
    void nameConnectorsStayInsideTheName() {
        Map<String, NamedEntity> e =
                extract("Rates", "Officials at the Bank of England held rates, as did the Bank of Canada.");

        assertThat(e).containsKeys("bank-of-england", "bank-of-canada");
    }

    @Test
    void sentenceInitialWordsAreNotEntitiesUnlessSeenCapitalisedElsewhere() {
        Map<String, NamedEntity> e = extract(
                "Storm",
                "Residents fled the coast. Forecasters expect more rain.",
                "Brandt said the dam held. Officials praised Brandt for the warning.");

        assertThat(e)
                .doesNotContainKeys("residents", "forecasters", "officials")
                .containsKey("brandt");
    }

    @Test
    void titleCaseHeadlineMatchesKnownNamesButCreatesNone() {
        Map<String, NamedEntity> e = extract(
                "Mayor Unveils Bold Plan For Harbour As Lovell Faces Vote In Lisbon",
                "The plan was unveiled by Mayor Ada Lovell on Monday.");

        assertThat(e).containsOnlyKeys("ada-lovell", "lisbon");
        assertThat(e.get("ada-lovell").mentions()).isEqualTo(2);
        assertThat(e.get("ada-lovell").weight())
                .isEqualTo(RuleBasedEntityExtractor.TITLE_WEIGHT + RuleBasedEntityExtractor.LEAD_WEIGHT);
    }

    @Test
    void aHeadlineWrittenAsASentenceNamesWhomItPrints() {
        // Wire copy without a headline: its first line, the lead sentence, is taken for the title.
        Map<String, NamedEntity> e = extract(
                "Yesterday in Lisbon, the harbour pilot Ada Lovell died of complications from a fall she suffered"
                        + " three weeks ago.",
                "She was the face of the port for a generation, her family said.");

        assertThat(e).containsKeys("ada-lovell", "lisbon");
        assertThat(e.get("ada-lovell").weight()).isEqualTo(RuleBasedEntityExtractor.TITLE_WEIGHT);
    }

    @Test
    void aHeadlineWrittenAsASentenceCountsANameOnceWithTheHeadlinesWeight() {
        Map<String, NamedEntity> e = extract(
                "Harbour pilot Ada Lovell has died of complications from a fall she suffered three weeks ago",
                "Ada Lovell was the face of the port for a generation, her family said.");

        assertThat(e.get("ada-lovell").mentions()).isEqualTo(2);
        assertThat(e.get("ada-lovell").weight())
                .isEqualTo(RuleBasedEntityExtractor.TITLE_WEIGHT + RuleBasedEntityExtractor.LEAD_WEIGHT);
    }

    @Test
    void aShortSentenceCaseHeadlineOnlyMatches() {
        Map<String, NamedEntity> e =
                extract("Lovell wins the vote in the harbour city", "The vote was counted on Monday in Lisbon.");

        assertThat(e).containsOnlyKeys("lisbon");
    }

    @Test
    void aSentenceIsTenWordsOrMoreTwoThirdsInLowerCase() {
        assertThat(RuleBasedEntityExtractor.isSentence(
                        Tokenizer.tokenize("The pilot Ada Lovell has died in Lisbon after a fall at sea")))
                .isTrue(); // 13 words, 9 in lower case
        assertThat(RuleBasedEntityExtractor.isSentence(
                        Tokenizer.tokenize("Mayor Unveils Bold Plan For Harbour As Lovell Faces Vote In Lisbon")))
                .isFalse(); // title case
        assertThat(RuleBasedEntityExtractor.isSentence(Tokenizer.tokenize("Pilot Ada Lovell has died in Lisbon")))
                .isFalse(); // too short
        assertThat(RuleBasedEntityExtractor.isSentence(
                        Tokenizer.tokenize("Ada Lovell And Ben Ortiz Of Lisbon say the harbour is open 2025")))
                .isFalse(); // 12 words, 5 in lower case: the number is no word
    }

    @Test
    void subheadsDoNotCreateEntities() {
        Map<String, NamedEntity> e =
                extract("Talks", "Lisbon Talks Stall Over Fishing Quotas", "Ministers met in Lisbon.");

        assertThat(e).containsOnlyKeys("lisbon");
        assertThat(e.get("lisbon").mentions()).isEqualTo(2);
    }

    @Test
    void monthsDaysAndPronounsAreNotEntities() {
        Map<String, NamedEntity> e = extract("Vote", "On Monday in May I voted, as did Tuesday voters in December.");

        assertThat(e).isEmpty();
    }

    @Test
    void emptyArticleHasNoEntities() {
        assertThat(extractor.extract(ArticleText.of("", null, List.of()))).isEmpty();
    }
}
