package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentFrequenciesTest {
    @Test
    void theNewsAndWireTableKnowsTheWiresWordsThatTheNewsTableDoesNot() {
        DocumentFrequencies news = DocumentFrequencies.shipped();
        DocumentFrequencies newsAndWire = DocumentFrequencies.newsAndWire();

        assertThat(newsAndWire.documents()).isGreaterThan(news.documents());
        assertThat(news.df("mln")).isZero();
        // in about a third of the news and wire documents: a common word, not a rare name
        assertThat(newsAndWire.df("mln")).isGreaterThan(newsAndWire.documents() / 5);
        assertThat(newsAndWire.idf("mln")).isLessThan(news.idf("mln") / 3);
        // words both know keep a comparable weight
        assertThat(newsAndWire.idf("authority")).isBetween(news.idf("authority") * 0.8, news.idf("authority") * 1.25);
    }
}
