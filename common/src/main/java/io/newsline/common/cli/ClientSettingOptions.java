package io.newsline.common.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code -X KEY=VALUE} option of every command that runs Kafka clients, as a {@code @Mixin}: one name, one type
 * (a map, so picocli itself rejects a pair without '=' as a usage error) and one help text everywhere.
 *
 * <pre>{@code
 * @Mixin KafkaConnectionOptions connection;
 * @Mixin ClientSettingOptions x;
 * ...
 * ClientSettings settings = connection.resolve(defaults, configFile, System.getenv(), x.settings());
 * }</pre>
 *
 * <p>Where {@code -X} stands among the layers is the command's choice: most pass it to {@link
 * KafkaConnectionOptions#resolve}, below the options; {@code stream} adds it last, above them.
 */
public final class ClientSettingOptions {
    @Option(
            names = "-X",
            paramLabel = "KEY=VALUE",
            description = "Any Kafka client, serializer or schema-registry setting, e.g. -X linger.ms=50 (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The settings given, in the order given; empty when none. */
    public Map<String, String> settings() {
        return Collections.unmodifiableMap(settings);
    }
}
