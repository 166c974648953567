package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.article.similarity.NearDuplicateParams;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NearDuplicateSettingsTest {

    @Test
    void defaultsAreTheMeasuredOnes() {
        NearDuplicateParams near = StreamsAppConfig.of(Map.of()).nearDuplicates();
        assertThat(near.enabled()).isTrue();
        assertThat(near.threshold()).isEqualTo(0.5);
        assertThat(near.bands()).isEqualTo(20);
        assertThat(near.rows()).isEqualTo(2);
        assertThat(near.shingleSize()).isEqualTo(5);
        assertThat(near.retention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void settingsReachTheParams() {
        NearDuplicateParams near = StreamsAppConfig.of(Map.of(
                        StreamsAppConfig.NEAR_ENABLED, "false",
                        StreamsAppConfig.NEAR_THRESHOLD, "0.7",
                        StreamsAppConfig.NEAR_BANDS, "32",
                        StreamsAppConfig.NEAR_ROWS, "4",
                        StreamsAppConfig.NEAR_SHINGLE_WORDS, "4",
                        StreamsAppConfig.NEAR_RETENTION_MS, "86400000"))
                .nearDuplicates();
        assertThat(near).isEqualTo(new NearDuplicateParams(false, 4, 32, 4, 0.7, Duration.ofDays(1)));
    }

    @Test
    void badValuesAreClearErrors() {
        assertThatThrownBy(() -> StreamsAppConfig.of(Map.of(StreamsAppConfig.NEAR_THRESHOLD, "1.5")))
                .hasMessageContaining(StreamsAppConfig.NEAR_THRESHOLD);
        assertThatThrownBy(() -> StreamsAppConfig.of(Map.of(StreamsAppConfig.NEAR_THRESHOLD, "half")))
                .hasMessageContaining(StreamsAppConfig.NEAR_THRESHOLD);
        assertThatThrownBy(() -> StreamsAppConfig.of(Map.of(StreamsAppConfig.NEAR_BANDS, "0")))
                .hasMessageContaining(StreamsAppConfig.NEAR_BANDS);
        assertThatThrownBy(() -> StreamsAppConfig.of(Map.of(StreamsAppConfig.NEAR_RETENTION_MS, "-1")))
                .hasMessageContaining(StreamsAppConfig.NEAR_RETENTION_MS);
    }
}
