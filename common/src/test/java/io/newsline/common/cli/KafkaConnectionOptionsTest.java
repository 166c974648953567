package io.newsline.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.common.ClientSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class KafkaConnectionOptionsTest {

    @TempDir
    Path dir;

    /** Like {@code timelines}: the mixins, no properties file. */
    @Command(name = "reader")
    static final class Reader implements Runnable {
        @Mixin
        KafkaConnectionOptions connection;

        @Mixin
        ClientSettingOptions x;

        @Override
        public void run() {}
    }

    /** Like {@code produce}: a properties-file option that the messages name. */
    @Command(name = "writer")
    static final class Writer implements Runnable {
        @Mixin
        KafkaConnectionOptions connection = new KafkaConnectionOptions("--producer-config");

        @Option(names = "--producer-config")
        Path file;

        @Mixin
        ClientSettingOptions x;

        @Override
        public void run() {}
    }

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void picocliFillsInTheOptions() {
        Reader reader =
                parse(new Reader(), "--bootstrap-servers", "a:9092,b:9092", "--schema-registry-url", "http://r:8081");

        assertThat(reader.connection.bootstrapServers()).isEqualTo("a:9092,b:9092");
        assertThat(reader.connection.schemaRegistryUrl()).isEqualTo("http://r:8081");
        assertThat(parse(new Reader()).connection.bootstrapServers())
                .as("not given")
                .isNull();
    }

    @Test
    void laterLayersWinDefaultsThenFileThenEnvironmentThenXThenOptions() throws IOException {
        Path file = Files.writeString(
                dir.resolve("client.properties"),
                "acks=1\nclient.id=from-file\nlinger.ms=1\nbootstrap.servers=file:9092\n");
        Map<String, String> environment = Map.of(
                "NEWSLINE_CLIENT_ID", "from-env",
                "NEWSLINE_LINGER_MS", "2",
                "NEWSLINE_SCHEMA_REGISTRY_URL", "http://env:8081",
                "PATH", "/bin");
        Writer writer = parse(
                new Writer(),
                "--bootstrap-servers",
                "option:9092",
                "-X",
                "linger.ms=50",
                "-X",
                "bootstrap.servers=x:9092",
                "-X",
                "schema.registry.url=http://x:8081");

        ClientSettings settings = writer.connection.resolve(
                Map.of("acks", "all", "compression.type", "zstd"), file, environment, writer.x.settings());

        assertThat(settings.get("compression.type")).as("default").isEqualTo("zstd");
        assertThat(settings.get("acks")).as("file beats defaults").isEqualTo("1");
        assertThat(settings.get("client.id")).as("env beats file").isEqualTo("from-env");
        assertThat(settings.get("linger.ms")).as("-X beats env").isEqualTo("50");
        assertThat(settings.get("bootstrap.servers")).as("the option beats -X").isEqualTo("option:9092");
        assertThat(settings.get("schema.registry.url"))
                .as("an option not given keeps -X")
                .isEqualTo("http://x:8081");
        assertThat(settings.get("path")).as("only NEWSLINE_* variables").isNull();
    }

    @Test
    void optionsNotGivenKeepWhatTheEnvironmentSets() {
        Reader reader = parse(new Reader());

        ClientSettings settings = reader.connection.resolve(
                Map.of(),
                null,
                Map.of("NEWSLINE_BOOTSTRAP_SERVERS", "env:9092", "NEWSLINE_SCHEMA_REGISTRY_URL", "http://env:8081"),
                reader.x.settings());

        assertThat(reader.connection.requireBootstrapServers(settings)).isEqualTo("env:9092");
        assertThat(reader.connection.requireSchemaRegistryUrl(settings)).isEqualTo("http://env:8081");
        assertThat(reader.connection.requireConnection(settings)).isSameAs(settings);
    }

    @Test
    void applyToBeforeXLetsXWinAsInTheStreamCommand() {
        KafkaConnectionOptions connection = parse(
                        new Reader(), "--bootstrap-servers", "option:9092", "--schema-registry-url", "http://o:8081")
                .connection;

        ClientSettings settings = connection
                .applyTo(ClientSettings.withDefaults(Map.of("bootstrap.servers", "default:9092")))
                .with(parse(new Reader(), "-X", "bootstrap.servers=x:9092").x.settings());

        assertThat(settings.get("bootstrap.servers")).isEqualTo("x:9092");
        assertThat(settings.get("schema.registry.url")).isEqualTo("http://o:8081");
    }

    @Test
    void missingValuesSayWhichOptionAndVariableToSet() {
        KafkaConnectionOptions connection = parse(new Reader()).connection;
        ClientSettings none = connection.resolve(Map.of(), null, Map.of(), Map.of());

        assertThatThrownBy(() -> connection.requireBootstrapServers(none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No bootstrap.servers is set: pass --bootstrap-servers HOST:PORT or set"
                        + " NEWSLINE_BOOTSTRAP_SERVERS.");
        assertThatThrownBy(() -> connection.requireSchemaRegistryUrl(none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No schema.registry.url is set: pass --schema-registry-url URL or set"
                        + " NEWSLINE_SCHEMA_REGISTRY_URL.");
        assertThatThrownBy(() -> connection.requireConnection(none))
                .as("the brokers are checked first")
                .hasMessageStartingWith("No bootstrap.servers is set");

        ClientSettings blank = connection.resolve(Map.of(), null, Map.of("NEWSLINE_BOOTSTRAP_SERVERS", " "), Map.of());
        assertThatThrownBy(() -> connection.requireBootstrapServers(blank))
                .as("blank is missing")
                .hasMessageStartingWith("No bootstrap.servers is set");
    }

    @Test
    void missingValuesAlsoNameTheCommandsPropertiesFileOption() {
        Writer writer = parse(new Writer(), "--schema-registry-url", "http://r:8081");
        ClientSettings settings = writer.connection.resolve(Map.of(), null, Map.of(), writer.x.settings());

        assertThatThrownBy(() -> writer.connection.requireConnection(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No bootstrap.servers is set: pass --bootstrap-servers HOST:PORT, set"
                        + " NEWSLINE_BOOTSTRAP_SERVERS, or put bootstrap.servers in the --producer-config file.");
        assertThat(KafkaConnectionOptions.howToSetSchemaRegistryUrl("--producer-config"))
                .isEqualTo("pass --schema-registry-url URL, set NEWSLINE_SCHEMA_REGISTRY_URL, or put"
                        + " schema.registry.url in the --producer-config file.");
    }

    @Test
    void ofBuildsTheOptionsWithoutACommandLine() {
        KafkaConnectionOptions connection = KafkaConnectionOptions.of("b:9092", null, "--config");
        ClientSettings settings = connection.applyTo(ClientSettings.withDefaults(Map.of()));

        assertThat(settings.get("bootstrap.servers")).isEqualTo("b:9092");
        assertThatThrownBy(() -> connection.requireSchemaRegistryUrl(settings))
                .hasMessageEndingWith("or put schema.registry.url in the --config file.");
    }

    @Test
    void theHelpNamesTheOptionsAndTheirVariables() {
        String usage = new CommandLine(new Reader()).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(usage)
                .contains("--bootstrap-servers=HOST:PORT[,...]")
                .contains("NEWSLINE_BOOTSTRAP_SERVERS")
                .contains("--schema-registry-url=URL")
                .contains("NEWSLINE_SCHEMA_REGISTRY_URL");
    }
}
