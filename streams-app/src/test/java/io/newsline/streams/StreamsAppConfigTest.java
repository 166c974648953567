package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.common.ClientSettings;
import io.newsline.common.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsAppConfigTest {

    @Test
    void defaultsAreExactlyOnceWithExplicitNamesAndADeadLetterTopic() {
        StreamsAppConfig config = StreamsAppConfig.of(Map.of());

        assertThat(config.clientSettings())
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true")
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        assertThat(config.dedupRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.snapshotEntries()).isEqualTo(100);
        assertThat(config.applicationId()).isEqualTo("newsline-streams");
    }

    @Test
    void environmentAndOverridesReachTheApp() {
        StreamsAppConfig config = StreamsAppConfig.from(ClientSettings.withDefaults(StreamsAppConfig.defaults())
                .withEnvironment(Map.of("NEWSLINE_NEWSLINE_TIMELINE_SNAPSHOT_ENTRIES", "25"))
                .with(Map.of("num.stream.threads", "4")));

        assertThat(config.snapshotEntries()).isEqualTo(25);
        assertThat(config.clientSettings()).containsEntry("num.stream.threads", "4");
    }

    @Test
    void badNumbersAreClearErrors() {
        assertThatThrownBy(() -> StreamsAppConfig.of(Map.of(StreamsAppConfig.SNAPSHOT_ENTRIES, "lots")))
                .hasMessageContaining(StreamsAppConfig.SNAPSHOT_ENTRIES);
        assertThatThrownBy(() -> StreamsAppConfig.of(Map.of(StreamsAppConfig.DEDUP_RETENTION_MS, "0")))
                .hasMessageContaining("positive");
    }
}
