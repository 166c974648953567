package io.newsline.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SingleNodeKafkaSettingsTest {
    @Test
    void everyInternalTopicFitsOnOneBroker() {
        assertThat(SingleNodeKafkaSettings.broker())
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1");
    }

    @Test
    void topicsAreCreatedOnPurposeAndGroupsStartAtOnce() {
        assertThat(SingleNodeKafkaSettings.broker())
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("unstable.api.versions.enable", "false")
                .containsEntry("unstable.feature.versions.enable", "false");
    }

    @Test
    void saysNothingOfListenersOrStorageWhichAreEachCallersOwn() {
        assertThat(SingleNodeKafkaSettings.broker())
                .doesNotContainKeys("listeners", "log.dirs", "node.id", "process.roles");
    }

    @Test
    void callersCanAddWhatDiffers() {
        Map<String, String> config = SingleNodeKafkaSettings.broker();
        config.put("log.cleaner.enable", "false");

        assertThat(config).containsEntry("log.cleaner.enable", "false");
        assertThat(SingleNodeKafkaSettings.broker()).doesNotContainKey("log.cleaner.enable");
    }
}
