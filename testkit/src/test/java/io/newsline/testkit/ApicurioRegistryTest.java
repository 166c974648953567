package io.newsline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioRegistryTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(ApicurioRegistry.HOME_PROPERTY);
    }

    @Test
    void theBuildTellsWhereTheDistributionIs() {
        assertThat(ApicurioRegistry.locateHome().resolve("quarkus-run.jar")).isRegularFile();
    }

    @Test
    void theSystemPropertyOverridesTheBuild() throws Exception {
        Files.createFile(dir.resolve("quarkus-run.jar"));
        System.setProperty(ApicurioRegistry.HOME_PROPERTY, dir.toString());

        assertThat(ApicurioRegistry.locateHome()).isEqualTo(dir);
    }

    @Test
    void aMissingDistributionSaysHowToGetOne() {
        System.setProperty(ApicurioRegistry.HOME_PROPERTY, dir.toString());

        assertThatThrownBy(ApicurioRegistry::locateHome)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("mvn -pl testkit install")
                .hasMessageContaining(ApicurioRegistry.HOME_ENV);
    }

    @Test
    void everythingListensOnLoopbackOnly() {
        assertThat(ApicurioRegistry.registryConfig())
                .containsEntry("quarkus.http.host", "127.0.0.1")
                .containsEntry("quarkus.management.host", "127.0.0.1");
    }
}
