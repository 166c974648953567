package io.newsline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {
    @TempDir
    Path temp;

    @Test
    void aSingleCombinedNodeListeningOnLoopbackOnly() {
        Map<String, String> config = new KafkaBroker(temp, 19092, 19093).serverProperties();

        assertThat(config)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.dirs", temp.resolve("kafka/data").toString());
    }

    @Test
    void overridesReplaceOrAddServerSettings() {
        Map<String, String> config = new KafkaBroker(
                        temp, 19092, 19093, Map.of("log.cleaner.enable", "false", "auto.create.topics.enable", "true"))
                .serverProperties();

        assertThat(config)
                .containsEntry("log.cleaner.enable", "false")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("process.roles", "broker,controller");
    }

    @Test
    void theBuildRecordedKafkasServerClassPath() {
        List<String> jars = KafkaBroker.classpath();

        assertThat(jars).allSatisfy(jar -> assertThat(Path.of(jar)).isRegularFile());
        assertThat(jars)
                .anySatisfy(jar -> assertThat(jar).contains("kafka_2.13-"))
                .anySatisfy(jar -> assertThat(jar).contains("zstd-jni"))
                .anySatisfy(jar -> assertThat(jar).contains("log4j-slf4j2-impl"))
                // Kafka's server logs through slf4j; a compile-scope slf4j-api elsewhere must not take it away.
                .anySatisfy(jar -> assertThat(jar).contains("slf4j-api-"))
                .noneSatisfy(jar -> assertThat(jar).contains("junit"))
                .noneSatisfy(jar -> assertThat(jar).contains("newsline-"));
    }

    @Test
    void clusterIdsAreWhatKafkasStorageToolAccepts() {
        for (int i = 0; i < 100; i++) {
            String id = KafkaBroker.newClusterId();
            assertThat(id).hasSize(22).doesNotStartWith("-");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        }
    }

    @Test
    void filesLiveInTheStackDirectory() {
        KafkaBroker broker = new KafkaBroker(temp, 1, 2);

        assertThat(broker.pidFile()).isEqualTo(temp.resolve("kafka.pid"));
        assertThat(broker.logFile()).isEqualTo(temp.resolve("kafka.log"));
        assertThat(broker.marker()).isEqualTo("-Dnewsline.service=kafka@" + temp);
        assertThat(Files.exists(temp.resolve("kafka.pid"))).isFalse();
    }
}
