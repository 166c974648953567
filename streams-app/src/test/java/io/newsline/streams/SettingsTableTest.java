package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** The README's table of the app's settings is the one {@link SettingsTable} generates from the ConfigDef. */
class SettingsTableTest {
    private static final String START = "<!-- newsline-settings:start";
    private static final String END = "<!-- newsline-settings:end -->";

    @Test
    void theReadmeTableIsTheGeneratedOne() throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README marker " + START).isNotNegative();
        assertThat(end).as("README marker " + END).isGreaterThan(start);
        String table = readme.substring(readme.indexOf('\n', start) + 1, end);

        assertThat(table)
                .as("README's settings table; regenerate it with SettingsTable.main (see its class comment)")
                .isEqualTo(SettingsTable.markdown(StreamsAppConfig.configDef()));
    }

    @Test
    void everySettingHasATypeADefaultAndADoc() {
        for (ConfigDef.ConfigKey key : StreamsAppConfig.configDef().configKeys().values()) {
            assertThat(key.name).startsWith("newsline.");
            assertThat(key.hasDefault()).as(key.name + " has a default").isTrue();
            assertThat(key.documentation).as(key.name + " has a doc").isNotBlank();
            assertThat(key.group).as(key.name + " has a group").isNotBlank();
        }
    }

    @Test
    void everyDefinedSettingIsARowAndEveryRowIsDefined() {
        String table = SettingsTable.markdown(StreamsAppConfig.configDef());
        Matcher row =
                Pattern.compile("(?m)^\\| `([^`]+)` \\| (\\w+) \\| `([^`]*)`").matcher(table);
        int rows = 0;
        ConfigDef definitions = StreamsAppConfig.configDef();
        while (row.find()) {
            rows++;
            ConfigDef.ConfigKey key = definitions.configKeys().get(row.group(1));
            assertThat(key).as("row " + row.group(1) + " is defined").isNotNull();
            assertThat(row.group(2)).isEqualToIgnoringCase(key.type.name());
            assertThat(row.group(3)).isEqualTo(String.valueOf(key.defaultValue));
        }
        assertThat(rows).isEqualTo(definitions.names().size());
    }

    /** The repository's README: surefire runs tests in the module's directory, one level below it. */
    private static Path readme() {
        return Path.of("..", "README.md");
    }
}
