package io.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        assertThat(newsline.getSubcommands()).containsKeys("dlq", "audit");
        assertThat(newsline.getSubcommands().get("dlq").getSubcommands()).containsKeys("list", "replay");
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

    @Test
    void timelinesSayHowManyOtherSourcesReportedAnEntry() throws Exception {
        TimelineEntry once = TimelineEntry.newBuilder(
                        entry("a1", "Reported twice", "2025-05-13T08:00:00Z", DateSource.TEXT, "Ann"))
                .setAlsoReportedBy(List.of("file:///copy.txt"))
                .build();
        TimelineEntry twice = TimelineEntry.newBuilder(
                        entry("a2", "Reported thrice", "2025-05-14T08:00:00Z", DateSource.TEXT, null))
                .setAlsoReportedBy(List.of("file:///b.txt", "file:///c.txt"))
                .build();
        TimelineEntry alone = entry("a3", "Reported once", "2025-05-15T08:00:00Z", DateSource.TEXT, null);
        TopicTimeline timeline = TopicTimeline.newBuilder()
                .setTopicId("gaza")
                .setLabel("Gaza")
                .setKind(TopicKind.PLACE)
                .setEntries(List.of(once, twice, alone))
                .setTotalEntries(3)
                .setUpdatedAt(Instant.parse("2025-06-02T00:00:00Z"))
                .build();
        StringWriter out = new StringWriter();

        TimelinesCommand.printText(new PrintWriter(out, true), timeline);

        assertThat(out.toString().replace("\r\n", "\n"))
                .isEqualTo(
                        """
                        Gaza  (place, gaza, 3 articles)
                          2025-05-13  Reported twice
                                      by Ann
                                      also reported by 1 source
                          2025-05-14  Reported thrice
                                      also reported by 2 sources
                          2025-05-15  Reported once

                        """);
        JsonNode entries =
                new ObjectMapper().readTree(TimelinesCommand.toJson(timeline)).get("entries");
        assertThat(entries.get(1).get("alsoReportedBy"))
                .extracting(JsonNode::asText)
                .containsExactly("file:///b.txt", "file:///c.txt");
        assertThat(entries.get(2).get("alsoReportedBy").isArray()).isTrue();
        assertThat(entries.get(2).get("alsoReportedBy")).isEmpty();
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
