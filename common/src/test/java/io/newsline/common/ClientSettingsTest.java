package io.newsline.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSettingsTest {

    @Test
    void environmentVariablesMapToDottedSettingNames() {
        Map<String, String> settings = ClientSettings.fromEnvironment(Map.of(
                "NEWSLINE_BOOTSTRAP_SERVERS", "broker:9092",
                "NEWSLINE_SCHEMA_REGISTRY_URL", "http://registry:8081",
                "NEWSLINE_SOME__UNDERSCORED_KEY", "x",
                "NEWSLINE_JAVA_OPTS", "-Xmx1g",
                "PATH", "/bin"));

        assertThat(settings)
                .containsOnly(
                        Map.entry("bootstrap.servers", "broker:9092"),
                        Map.entry("schema.registry.url", "http://registry:8081"),
                        Map.entry("some_underscored.key", "x"));
    }

    @Test
    void laterLayersWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "linger.ms=10\nacks=1\nbatch.size=1000\n");

        ClientSettings settings = ClientSettings.withDefaults(Map.of("acks", "all", "linger.ms", "5", "retries", "3"))
                .withFile(file)
                .withEnvironment(Map.of("NEWSLINE_LINGER_MS", "20"))
                .with(Map.of("batch.size", "2000"));

        assertThat(settings.asMap())
                .containsEntry("acks", "1")
                .containsEntry("linger.ms", "20")
                .containsEntry("batch.size", "2000")
                .containsEntry("retries", "3");
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> ClientSettings.withDefaults(Map.of()).withFile(dir.resolve("nope.properties")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void requireExplainsHowToSetAMissingValue() {
        assertThatThrownBy(() -> ClientSettings.withDefaults(Map.of())
                        .require("bootstrap.servers", "pass --bootstrap-servers or set NEWSLINE_BOOTSTRAP_SERVERS"))
                .hasMessageContaining("--bootstrap-servers");
    }
}
