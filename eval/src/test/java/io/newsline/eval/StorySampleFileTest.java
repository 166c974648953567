package io.newsline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.story.StoryInput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link StorySampleFile} shows an article's date and the opening of its body. */
class StorySampleFileTest {

    @Test
    void aDatePrintedInTheTextIsShownAndAnIngestTimeIsNot() {
        long march3 = Instant.parse("2024-03-03T10:00:00Z").toEpochMilli();
        assertThat(StorySampleFile.date(doc(true, march3, List.of("Text.")))).isEqualTo("2024-03-03");
        assertThat(StorySampleFile.date(doc(false, march3, List.of("Text.")))).isEqualTo("undated");
    }

    @Test
    void theOpeningIsTheBodysFirst200CharactersOnOneLineCutAtAWord() {
        String first = "word ".repeat(30).strip(); // 149 characters
        String second = "Second  paragraph\nwrapped by the wire, long enough to pass the two hundred characters.";

        String opening = StorySampleFile.opening(List.of(first, second));

        assertThat(opening)
                .startsWith(first + " Second paragraph wrapped")
                .endsWith(" ...")
                .doesNotContain("\n");
        assertThat(opening.length()).isLessThanOrEqualTo(StorySampleFile.OPENING_CHARS + 4);
        assertThat(StorySampleFile.opening(List.of("Short body."))).isEqualTo("Short body.");
    }

    private static EvalStoriesCommand.Doc doc(boolean dated, long at, List<String> body) {
        return new EvalStoriesCommand.Doc(
                "a.txt", new StoryInput("a.txt", at, dated, "Headline", List.of(), List.of(), body));
    }
}
