package io.newsline.serde;

import io.newsline.testkit.DockerStack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same produce/consume round trip as {@link KafkaRoundTripIT}, against Confluent's own Schema Registry
 * image: proof that our serde speaks to the reference registry. Needs Docker; skipped without.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(300)
class ConfluentRegistryContainersIT {

    @Container
    static final DockerStack STACK = new DockerStack();

    @Test
    void produceAndConsumeThroughConfluentsRegistry() throws Exception {
        KafkaRoundTripIT.roundTrip(STACK.bootstrapServers(), STACK.schemaRegistryUrl(), topic -> {
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                        .all()
                        .get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not create topic " + topic, e);
            }
        });
    }
}
