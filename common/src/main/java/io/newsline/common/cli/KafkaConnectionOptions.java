package io.newsline.common.cli;

import io.newsline.common.ClientSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The picocli options of every command that talks to Kafka and the schema registry, as a {@code @Mixin}:
 * {@code --bootstrap-servers} and {@code --schema-registry-url}, plus how they enter {@link ClientSettings} and the
 * messages when neither they nor a lower layer set a value.
 *
 * <pre>{@code
 * @Mixin KafkaConnectionOptions connection = new KafkaConnectionOptions("--producer-config");
 * ...
 * ClientSettings settings = connection.resolve(defaults, configFile, System.getenv(), xSettings);
 * connection.requireConnection(settings);
 * }</pre>
 *
 * <p>{@code -X} is the other mixin, {@link ClientSettingOptions}; the properties-file option stays with each command,
 * whose names and help differ ({@code --config}, {@code --producer-config}).
 */
public final class KafkaConnectionOptions {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers to connect to (or NEWSLINE_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(
            names = "--schema-registry-url",
            paramLabel = "URL",
            description = "Schema registry base URL, Confluent API; several may be comma-separated"
                    + " (or NEWSLINE_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    /** The command's properties-file option, named in the messages of the {@code require} methods; may be null. */
    private final String fileOption;

    /** For a command whose messages name no properties file (picocli creates it this way). */
    public KafkaConnectionOptions() {
        this(null);
    }

    /**
     * For a command with a properties-file option that the messages should name, e.g. {@code --producer-config};
     * assign it to the {@code @Mixin} field and picocli fills in this instance.
     */
    public KafkaConnectionOptions(String fileOption) {
        this.fileOption = fileOption;
    }

    /** Options set as if from a command line (null: not given); for callers that are not picocli commands. */
    public static KafkaConnectionOptions of(String bootstrapServers, String schemaRegistryUrl, String fileOption) {
        KafkaConnectionOptions options = new KafkaConnectionOptions(fileOption);
        options.bootstrapServers = bootstrapServers;
        options.schemaRegistryUrl = schemaRegistryUrl;
        return options;
    }

    /** {@code --bootstrap-servers}, or null when not given. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code --schema-registry-url}, or null when not given. */
    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    /** Puts the options that were given into {@code settings}; one not given leaves what a lower layer set. */
    public ClientSettings applyTo(ClientSettings settings) {
        return settings.with(BOOTSTRAP_SERVERS, bootstrapServers).with(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    }

    /**
     * Every layer, lowest first: {@code defaults}, the properties file (none if null), the {@code NEWSLINE_*}
     * variables of {@code environment}, the {@code -X} settings, then these options. A command where {@code -X}
     * wins over the options builds its chain itself and calls {@link #applyTo} before adding {@code -X}.
     */
    public ClientSettings resolve(
            Map<String, String> defaults, Path file, Map<String, String> environment, Map<String, String> xSettings) {
        return applyTo(ClientSettings.withDefaults(defaults)
                .withFile(file)
                .withEnvironment(environment)
                .with(xSettings));
    }

    /** @throws IllegalArgumentException naming the option, the variable (and the file option) to set */
    public String requireBootstrapServers(ClientSettings settings) {
        return settings.require(BOOTSTRAP_SERVERS, howToSetBootstrapServers(fileOption));
    }

    /** @throws IllegalArgumentException naming the option, the variable (and the file option) to set */
    public String requireSchemaRegistryUrl(ClientSettings settings) {
        return settings.require(SCHEMA_REGISTRY_URL, howToSetSchemaRegistryUrl(fileOption));
    }

    /** Both checks, the brokers first; returns {@code settings}. */
    public ClientSettings requireConnection(ClientSettings settings) {
        requireBootstrapServers(settings);
        requireSchemaRegistryUrl(settings);
        return settings;
    }

    /** The advice in the message when no brokers are set; {@code fileOption} (may be null) is named too. */
    public static String howToSetBootstrapServers(String fileOption) {
        return howToSet("--bootstrap-servers HOST:PORT", "NEWSLINE_BOOTSTRAP_SERVERS", BOOTSTRAP_SERVERS, fileOption);
    }

    /** The advice in the message when no registry is set; {@code fileOption} (may be null) is named too. */
    public static String howToSetSchemaRegistryUrl(String fileOption) {
        return howToSet("--schema-registry-url URL", "NEWSLINE_SCHEMA_REGISTRY_URL", SCHEMA_REGISTRY_URL, fileOption);
    }

    private static String howToSet(String option, String variable, String key, String fileOption) {
        return fileOption == null
                ? "pass " + option + " or set " + variable + "."
                : "pass " + option + ", set " + variable + ", or put " + key + " in the " + fileOption + " file.";
    }
}
