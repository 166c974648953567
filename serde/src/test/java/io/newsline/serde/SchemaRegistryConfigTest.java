package io.newsline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class SchemaRegistryConfigTest {

    @Test
    void defaults() {
        SchemaRegistryConfig config = SchemaRegistryConfig.from(Map.of("schema.registry.url", "http://localhost:8081"));
        assertThat(config.urls()).containsExactly(URI.create("http://localhost:8081"));
        assertThat(config.credentialsSource()).isEqualTo("URL");
        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.retries()).isEqualTo(3);
        assertThat(config.retryBackoffMs()).isEqualTo(200);
    }

    @Test
    void parsesStringsNumbersBooleansListsAndPasswords() {
        SchemaRegistryConfig config = SchemaRegistryConfig.from(Map.of(
                "schema.registry.url", " http://a:1/apis/ccompat/v7/ , https://b:2 ,",
                "auto.register.schemas", "FALSE",
                "use.latest.version", true,
                "specific.avro.reader", "true",
                "basic.auth.credentials.source", "user_info",
                "basic.auth.user.info", new Password("u:p"),
                "schema.registry.request.timeout.ms", 1500,
                "schema.registry.retries", "0",
                "value.subject.name.strategy", SchemaRegistryConfig.TOPIC_NAME_STRATEGY));
        assertThat(config.urls()).containsExactly(URI.create("http://a:1/apis/ccompat/v7"), URI.create("https://b:2"));
        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.useLatestVersion()).isTrue();
        assertThat(config.credentialsSource()).isEqualTo("USER_INFO");
        assertThat(config.userInfo()).isEqualTo("u:p");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.retries()).isZero();

        assertThat(SchemaRegistryConfig.from(Map.of("schema.registry.url", List.of("http://x", "http://y")))
                        .urls())
                .hasSize(2);
    }

    @Test
    void missingOrBadValuesAreClearErrors() {
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing required configuration \"schema.registry.url\"");
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of("schema.registry.url", " , ")))
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of("schema.registry.url", "localhost:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http(s)://");
        assertThatThrownBy(() -> SchemaRegistryConfig.from(
                        Map.of("schema.registry.url", "http://x", "schema.registry.retries", "-1")))
                .hasMessageContaining("schema.registry.retries");
        assertThatThrownBy(() -> SchemaRegistryConfig.from(
                        Map.of("schema.registry.url", "http://x", "auto.register.schemas", "yes")))
                .hasMessageContaining("auto.register.schemas");
        assertThatThrownBy(() -> SchemaRegistryConfig.from(
                        Map.of("schema.registry.url", "http://x", "basic.auth.credentials.source", "SASL_INHERIT")))
                .hasMessageContaining("URL, USER_INFO");
        assertThatThrownBy(() -> SchemaRegistryConfig.from(
                        Map.of("schema.registry.url", "http://x", "basic.auth.credentials.source", "USER_INFO")))
                .hasMessageContaining("user:password");
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of(
                        "schema.registry.url",
                        "http://x",
                        "value.subject.name.strategy",
                        "io.confluent.kafka.serializers.subject.RecordNameStrategy")))
                .hasMessageContaining("only io.confluent.kafka.serializers.subject.TopicNameStrategy");
    }
}
