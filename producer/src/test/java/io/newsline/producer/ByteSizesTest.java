package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizesTest {
    @ParameterizedTest
    @CsvSource({
        "1048576, 1048576",
        "512KiB, 524288",
        "512k, 524288",
        "10MiB, 10485760",
        "10MB, 10485760",
        "10 m, 10485760",
        "1GiB, 1073741824",
        "7b, 7"
    })
    void parsesSizesWithBinaryUnits(String text, long bytes) {
        assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "10XB", "-1", "1.5MiB"})
    void rejectsWhatIsNotASize(String text) {
        assertThatThrownBy(() -> ByteSizes.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a size");
    }

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "5939, 5.8 KiB", "10485760, 10.0 MiB"})
    void formatsSizes(double bytes, String text) {
        assertThat(ByteSizes.format(bytes)).isEqualTo(text);
    }
}
