package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.common.ClientSettings;
import io.newsline.serde.SchemaRegistryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StreamCommandTest {

    @TempDir
    Path dir;

    private static StreamCommand parse(String... args) {
        StreamCommand command = new StreamCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void layersAreDefaultsThenFileThenEnvironmentThenOptionsThenX() throws IOException {
        Path file = Files.writeString(
                dir.resolve("streams.properties"), "num.stream.threads=2\ncommit.interval.ms=7\nclient.id=file\n");
        StreamCommand command = parse(
                "--config",
                file.toString(),
                "--bootstrap-servers",
                "option:9092",
                "--schema-registry-url",
                "http://option:8081",
                "--application-id",
                "app-option",
                "-X",
                "schema.registry.url=http://x:8081",
                "-X",
                "application.id=app-x");

        ClientSettings settings = command.settings(Map.of(
                "NEWSLINE_NUM_STREAM_THREADS", "3",
                "NEWSLINE_BOOTSTRAP_SERVERS", "env:9092"));

        assertThat(settings.get("commit.interval.ms")).as("file beats defaults").isEqualTo("7");
        assertThat(settings.get("num.stream.threads")).as("env beats file").isEqualTo("3");
        assertThat(settings.get("bootstrap.servers")).as("the option beats env").isEqualTo("option:9092");
        assertThat(settings.get(SchemaRegistryConfig.SCHEMA_REGISTRY_URL))
                .as("-X beats the option")
                .isEqualTo("http://x:8081");
        assertThat(settings.get("application.id"))
                .as("-X beats --application-id")
                .isEqualTo("app-x");
    }

    @Test
    void theEnvironmentIsEnoughToConnect() {
        ClientSettings settings = parse().settings(Map.of(
                "NEWSLINE_BOOTSTRAP_SERVERS", "env:9092", "NEWSLINE_SCHEMA_REGISTRY_URL", "http://env:8081"));

        assertThat(settings.get("bootstrap.servers")).isEqualTo("env:9092");
        assertThat(settings.get(SchemaRegistryConfig.SCHEMA_REGISTRY_URL)).isEqualTo("http://env:8081");
    }

    @Test
    void missingBrokersOrRegistrySayWhatToSet() {
        assertThatThrownBy(() -> parse("--schema-registry-url", "http://r:8081").settings(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No bootstrap.servers is set: pass --bootstrap-servers HOST:PORT or set"
                        + " NEWSLINE_BOOTSTRAP_SERVERS.");
        assertThatThrownBy(() -> parse("--bootstrap-servers", "b:9092").settings(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No schema.registry.url is set: pass --schema-registry-url URL or set"
                        + " NEWSLINE_SCHEMA_REGISTRY_URL.");
    }

    @Test
    void aSettingWithoutEqualsIsAUsageError() {
        assertThatThrownBy(() -> parse("--bootstrap-servers", "b:9092", "-X", "linger.ms"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("KEY=VALUE");
    }
}
