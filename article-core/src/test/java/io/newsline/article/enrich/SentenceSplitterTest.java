package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    @Test
    void splitsAtSentenceEnds() {
        assertThat(SentenceSplitter.split("It rained. Was it cold? Yes! \u201CVery,\u201D she said."))
                .containsExactly("It rained.", "Was it cold?", "Yes!", "\u201CVery,\u201D she said.");
    }

    @Test
    void keepsTitlesInitialsAndAcronymsInsideTheSentence() {
        assertThat(SentenceSplitter.split("Dr. Ada J. Lovell met U.S. envoys on Sept. 3 in St. Louis. They agreed."))
                .containsExactly("Dr. Ada J. Lovell met U.S. envoys on Sept. 3 in St. Louis.", "They agreed.");
    }

    @Test
    void splitsAfterAnAcronymWhenTheNextWordOpensASentence() {
        assertThat(SentenceSplitter.split("The deal was brokered by the U.S. The talks resume Monday."))
                .containsExactly("The deal was brokered by the U.S.", "The talks resume Monday.");
    }

    @Test
    void doesNotSplitInsideNumbersOrBeforeLowerCase() {
        assertThat(SentenceSplitter.split("Prices rose 3.5 percent. e.g. bread rose most."))
                .containsExactly("Prices rose 3.5 percent. e.g. bread rose most.");
    }

    @Test
    void closingQuoteStaysWithItsSentence() {
        assertThat(SentenceSplitter.split("\u201CWe will not stop.\u201D The minister left."))
                .containsExactly("\u201CWe will not stop.\u201D", "The minister left.");
    }
}
