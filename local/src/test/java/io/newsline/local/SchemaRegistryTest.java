package io.newsline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaRegistryTest {
    @TempDir
    Path stack;

    @Test
    void listensOnTheFixedPortOnLoopbackOnly() {
        assertThat(new SchemaRegistry(stack, 18081, false).registryConfig())
                .containsEntry("quarkus.http.host", "127.0.0.1")
                .containsEntry("quarkus.http.port", "18081")
                .containsEntry("quarkus.management.host", "127.0.0.1")
                .containsEntry("quarkus.management.port", "0")
                .containsEntry("apicurio.rules.global.compatibility", "BACKWARD");
    }

    @Test
    void keepsTheSchemasInMemoryOrOnDisk() {
        assertThat(new SchemaRegistry(stack, 18081, false).registryConfig())
                .containsEntry("apicurio.datasource.url", "jdbc:h2:mem:registry");
        SchemaRegistry persistent = new SchemaRegistry(stack, 18081, true);
        assertThat(persistent.registryConfig().get("apicurio.datasource.url"))
                .startsWith(
                        "jdbc:h2:file:" + persistent.dir().resolve("registry").resolve("registry"))
                .endsWith(";DB_CLOSE_ON_EXIT=FALSE");
    }
}
