package io.newsline.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApicurioSettingsTest {
    @Test
    void everythingListensOnLoopbackOnly() {
        assertThat(ApicurioSettings.systemProperties(0))
                .containsEntry("quarkus.http.host", "127.0.0.1")
                .containsEntry("quarkus.http.port", "0")
                .containsEntry("quarkus.management.host", "127.0.0.1")
                .containsEntry("quarkus.management.port", "0");
        assertThat(ApicurioSettings.systemProperties(8081)).containsEntry("quarkus.http.port", "8081");
    }

    @Test
    void behavesLikeAFreshConfluentSchemaRegistryWithNothingOutgoing() {
        assertThat(ApicurioSettings.systemProperties(0))
                .containsEntry("apicurio.storage.kind", "sql")
                .containsEntry("apicurio.storage.sql.kind", "h2")
                .doesNotContainKey("apicurio.datasource.url")
                .containsEntry("quarkus.otel.sdk.disabled", "true")
                .containsEntry("quarkus.oidc.tenant-enabled", "false")
                .containsEntry("apicurio.authn.enabled", "false")
                .containsEntry("apicurio.search.index.enabled", "false")
                .containsEntry("quarkus.devservices.enabled", "false")
                .containsEntry("apicurio.rules.global.compatibility", "BACKWARD")
                .containsEntry("apicurio.rest.deletion.artifact.enabled", "true")
                .containsEntry("apicurio.rest.deletion.artifact-version.enabled", "true");
    }

    @Test
    void callersCanAddWhatDiffers() {
        Map<String, String> config = ApicurioSettings.systemProperties(0);
        config.put("apicurio.datasource.url", "jdbc:h2:mem:registry");

        assertThat(config).containsEntry("apicurio.datasource.url", "jdbc:h2:mem:registry");
    }
}
