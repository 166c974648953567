package io.newsline.streams;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The README's table of the app's own settings, generated from {@link StreamsAppConfig#configDef()} so that the
 * documentation cannot drift from the code ({@code SettingsTableTest} fails when the README's copy differs). Prints
 * the table: {@code java -cp cli/target/newsline.jar io.newsline.streams.SettingsTable}.
 */
public final class SettingsTable {
    private SettingsTable() {}

    /** The Markdown table, one row per setting in the order of their groups, ending with a new line. */
    public static String markdown(ConfigDef definitions) {
        StringBuilder table = new StringBuilder();
        table.append("| setting | type | default | valid values | importance | meaning |\n");
        table.append("| --- | --- | --- | --- | --- | --- |\n");
        List<ConfigDef.ConfigKey> keys = definitions.configKeys().values().stream()
                .sorted(Comparator.comparingInt((ConfigDef.ConfigKey key) ->
                                definitions.groups().indexOf(key.group))
                        .thenComparingInt(key -> key.orderInGroup))
                .toList();
        for (ConfigDef.ConfigKey key : keys) {
            table.append("| `")
                    .append(key.name)
                    .append("` | ")
                    .append(key.type.name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(defaultOf(key))
                    .append(" | ")
                    .append(validValues(key))
                    .append(" | ")
                    .append(key.importance.name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(key.documentation)
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String validValues(ConfigDef.ConfigKey key) {
        if (key.validator != null) {
            return key.validator.toString();
        }
        return key.type == ConfigDef.Type.BOOLEAN ? "true, false" : "";
    }

    /** The default in backticks; a duration in milliseconds also in words ({@code 3600000} (1 hour)). */
    static String defaultOf(ConfigDef.ConfigKey key) {
        String value = "`" + key.defaultValue + "`";
        if (key.name.endsWith(".ms") && key.defaultValue instanceof Long millis && millis > 0) {
            return value + " (" + inWords(Duration.ofMillis(millis)) + ")";
        }
        return value;
    }

    private static String inWords(Duration duration) {
        record Unit(Duration size, String name) {}
        for (Unit unit : List.of(
                new Unit(Duration.ofDays(1), "day"),
                new Unit(Duration.ofHours(1), "hour"),
                new Unit(Duration.ofMinutes(1), "minute"),
                new Unit(Duration.ofSeconds(1), "second"))) {
            if (duration.toMillis() % unit.size().toMillis() == 0) {
                long count = duration.toMillis() / unit.size().toMillis();
                return count + " " + unit.name() + (count == 1 ? "" : "s");
            }
        }
        return duration.toMillis() + " ms";
    }

    public static void main(String[] args) {
        System.out.print(markdown(StreamsAppConfig.configDef()));
    }
}
