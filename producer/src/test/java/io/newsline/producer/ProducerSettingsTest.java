package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.common.ClientSettings;
import io.newsline.serde.SchemaRegistryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerSettingsTest {
    private static final long TEN_MIB = 10L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void defaultsAreIdempotentAllAcksZstdAndSizedForTheLargestFile() {
        Map<String, String> defaults = ProducerSettings.defaults(TEN_MIB);

        assertThat(defaults)
                .containsEntry("enable.idempotence", "true")
                .containsEntry("acks", "all")
                .containsEntry("compression.type", "zstd")
                .containsEntry("linger.ms", "20")
                .containsEntry("batch.size", "262144")
                .containsEntry("client.id", "newsline-producer")
                .containsEntry("key.serializer", "org.apache.kafka.common.serialization.StringSerializer")
                .containsEntry("value.serializer", "io.newsline.serde.SpecificAvroSerializer")
                .doesNotContainKeys("bootstrap.servers", SchemaRegistryConfig.SCHEMA_REGISTRY_URL);
        long maxRequestSize = Long.parseLong(defaults.get("max.request.size"));
        assertThat(maxRequestSize).as("room for 3 UTF-8 bytes per input byte").isGreaterThan(3 * TEN_MIB);
        assertThat(Long.parseLong(defaults.get("buffer.memory"))).isGreaterThanOrEqualTo(maxRequestSize);
    }

    @Test
    void laterLayersWinFileThenEnvironmentThenXThenOptions() throws IOException {
        Path file = Files.writeString(
                dir.resolve("producer.properties"),
                "linger.ms=1\nacks=1\nclient.id=from-file\nbatch.size=1000\nbootstrap.servers=file:9092\n");
        Map<String, String> environment = Map.of(
                "NEWSLINE_LINGER_MS", "2",
                "NEWSLINE_CLIENT_ID", "from-env",
                "NEWSLINE_SCHEMA_REGISTRY_URL", "http://env:8081",
                "NEWSLINE_BOOTSTRAP_SERVERS", "env:9092",
                "PATH", "/bin");
        Map<String, String> x = Map.of("linger.ms", "50", "bootstrap.servers", "x:9092");

        ClientSettings settings = ProducerSettings.resolve(TEN_MIB, file, environment, x, "option:9092", null);

        assertThat(settings.get("linger.ms")).as("-X beats env and file").isEqualTo("50");
        assertThat(settings.get("client.id")).as("env beats file").isEqualTo("from-env");
        assertThat(settings.get("acks")).as("file beats defaults").isEqualTo("1");
        assertThat(settings.get("batch.size")).isEqualTo("1000");
        assertThat(settings.get("compression.type")).as("default").isEqualTo("zstd");
        assertThat(settings.get("bootstrap.servers"))
                .as("the dedicated option beats -X")
                .isEqualTo("option:9092");
        assertThat(settings.get(SchemaRegistryConfig.SCHEMA_REGISTRY_URL))
                .as("unset option keeps env")
                .isEqualTo("http://env:8081");
        assertThat(settings.get("path")).as("only NEWSLINE_* variables").isNull();
    }

    @Test
    void xCanReplaceTheValueSerializer() {
        ClientSettings settings = ProducerSettings.resolve(
                TEN_MIB,
                null,
                Map.of(),
                Map.of("value.serializer", "io.confluent.kafka.serializers.KafkaAvroSerializer"),
                "b:9092",
                "http://r");

        assertThat(ProducerSettings.forProducer(settings))
                .containsEntry("value.serializer", "io.confluent.kafka.serializers.KafkaAvroSerializer")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "b:9092")
                .containsEntry(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, "http://r");
    }

    @Test
    void missingBootstrapServersSaysWhatToSet() {
        ClientSettings settings = ProducerSettings.resolve(TEN_MIB, null, Map.of(), Map.of(), null, "http://r");

        assertThatThrownBy(() -> ProducerSettings.forProducer(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrap.servers")
                .hasMessageContaining("--bootstrap-servers")
                .hasMessageContaining("NEWSLINE_BOOTSTRAP_SERVERS");
    }

    @Test
    void missingRegistryUrlSaysWhatToSet() {
        ClientSettings settings = ProducerSettings.resolve(TEN_MIB, null, Map.of(), Map.of(), "b:9092", null);

        assertThatThrownBy(() -> ProducerSettings.forProducer(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SchemaRegistryConfig.SCHEMA_REGISTRY_URL)
                .hasMessageContaining("--schema-registry-url")
                .hasMessageContaining("NEWSLINE_SCHEMA_REGISTRY_URL");
    }
}
