package io.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.avro.DateSource;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicKind;
import io.newsline.avro.TopicTimeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NewslineTest {

    @Test
    void everyProgramIsASubcommand() {
        CommandLine newsline = Newsline.commandLine();

        assertThat(newsline.getSubcommands()).containsKeys("demo", "produce", "stream", "timelines", "local");
        assertThat(newsline.getSubcommands().get("local").getSubcommands()).containsKeys("up", "down", "status");
    }

    @Test
    void textTimelinesSayWhenADateIsNotFromTheArticle() {
        TimelineEntry fromText = entry("a1", "From the text", "2025-05-13T08:00:00Z", DateSource.TEXT, "Ann");
        TimelineEntry fromFile = entry("a2", "From the file", "2025-06-01T00:00:00Z", DateSource.FILE_MODIFIED, null);
        TopicTimeline timeline = TopicTimeline.newBuilder()
                .setTopicId("gaza")
                .setLabel("Gaza")
                .setKind(TopicKind.PLACE)
                .setEntries(List.of(fromText, fromFile))
                .setTotalEntries(5)
                .setUpdatedAt(Instant.parse("2025-06-02T00:00:00Z"))
                .build();
        StringWriter out = new StringWriter();

        TimelinesCommand.printText(new PrintWriter(out, true), timeline);

        assertThat(out.toString().replace("\r\n", "\n"))
                .isEqualTo(
                        """
                        Gaza  (place, gaza, 5 articles)
                          (the latest 2)
                          2025-05-13  From the text
                                      by Ann
                          2025-06-01  From the file
                                      (no date in the text: the file's date)

                        """);
    }

    private static TimelineEntry entry(String id, String title, String published, DateSource source, String byline) {
        return TimelineEntry.newBuilder()
                .setTopicId("gaza")
                .setTopicLabel("Gaza")
                .setTopicKind(TopicKind.PLACE)
                .setArticleId(id)
                .setTitle(title)
                .setPublishedAt(Instant.parse(published))
                .setDateSource(source)
                .setByline(byline)
                .setSummary("s")
                .setSource("file:///x")
                .build();
    }
}
