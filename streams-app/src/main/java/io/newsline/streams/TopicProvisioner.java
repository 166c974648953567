package io.newsline.streams;

import io.newsline.common.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the app's input and output topics if they are missing and checks the ones that exist: the timeline
 * topics must be compacted (their consumers rebuild state from them), the others must not be. A wrong cleanup
 * policy is an error with the command that fixes it; differing partition counts are reported.
 */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 60;

    /** A topic the app needs, with the cleanup policy it must have. */
    public record TopicSpec(String name, boolean compacted) {}

    public static List<TopicSpec> topics() {
        return List.of(
                new TopicSpec(Topics.RAW_ARTICLES, false),
                new TopicSpec(Topics.ENRICHED_ARTICLES, false),
                new TopicSpec(Topics.DUPLICATES, false),
                new TopicSpec(Topics.TIMELINE_ENTRIES, true),
                new TopicSpec(Topics.TIMELINES, true),
                new TopicSpec(Topics.STORY_MERGES, true),
                new TopicSpec(Topics.DEAD_LETTERS, false));
    }

    private final Admin admin;
    private final int partitions;
    private final short replicationFactor;

    public TopicProvisioner(Admin admin, int partitions, short replicationFactor) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Creates what is missing and verifies the rest; throws with a clear message when a topic is unusable. */
    public void ensureTopics(Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(this::newTopic)
                    .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    log.info(
                            "Created topics {}",
                            missing.stream().map(NewTopic::name).collect(Collectors.joining(", ")));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    // Another instance created them at the same moment: fine, they are checked below.
                }
            }
            verifyOnceVisible(specs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking topics", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException(
                    "Cannot create or check the topics on the Kafka cluster: " + cause
                            + ". Check bootstrap.servers and that the broker is running.",
                    cause);
        }
    }

    /**
     * Creates deduplication's exchange topic when it is missing, with the raw topic's partition count (each task
     * reads the raw partition and the exchange partition of the same number), and checks an existing one has it.
     * Returns that partition count.
     */
    public int ensureExchangeTopic(String exchangeTopic) {
        return ensureOwnTopicLike(exchangeTopic, Topics.RAW_ARTICLES);
    }

    /**
     * Creates one of the app's own topics (cleanup policy delete) when it is missing, with as many partitions as
     * {@code likeTopic}, which must exist: the topic is read in the same tasks as that one. An existing one with
     * another count is an error with the commands that fix it. Returns the count.
     */
    public int ensureOwnTopicLike(String topic, String likeTopic) {
        try {
            int like = partitionsOf(likeTopic);
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!existing.contains(topic)) {
                Optional<Short> replication = replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty();
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Optional.of(like), replication)
                                    .configs(Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG,
                                            TopicConfig.CLEANUP_POLICY_DELETE,
                                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                            StreamsAppConfig.MAX_MESSAGE_BYTES))))
                            .all()
                            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    log.info("Created topic {} with {} partitions, like {}", topic, like, likeTopic);
                    return like; // created with exactly that count (metadata may take a moment to show it)
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    // Another instance created it at the same moment: check it below.
                }
            }
            int count = partitionsOf(topic);
            if (count != like) {
                throw new IllegalStateException(topic + " has " + count + " partitions but " + likeTopic + " has "
                        + like + "; they must match. Stop every instance, let " + topic + " drain, then delete it"
                        + " (kafka-topics.sh --delete --topic " + topic + ") and start again: the app recreates it.");
            }
            return like;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking topics", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException(
                    "Cannot create or check " + topic + " on the Kafka cluster: " + cause
                            + ". Check bootstrap.servers, that the broker is running and that " + likeTopic
                            + " exists.",
                    cause);
        }
    }

    /**
     * Creates one of the app's own topics (named after its application.id, like the story stage's) when it is
     * missing, with the app's partition count and the given cleanup policy; an existing one with the wrong policy is
     * an error with the command that fixes it.
     */
    public void ensureOwnTopic(String topic, boolean compacted) {
        ensureTopics(List.of(new TopicSpec(topic, compacted)));
    }

    /** The partition count of a topic that exists, waiting a little for metadata of one just created elsewhere. */
    private int partitionsOf(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                return admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions()
                        .size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200); // metadata propagation, not synchronisation of tests
            }
        }
    }

    private NewTopic newTopic(TopicSpec spec) {
        Optional<Short> replication = replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty();
        return new NewTopic(spec.name(), Optional.of(partitions), replication)
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        StreamsAppConfig.MAX_MESSAGE_BYTES));
    }

    /**
     * {@link #verify} as soon as every broker asked knows the topics: one just created may not be in the metadata
     * of the broker that answers yet (UnknownTopicOrPartition), so that answer is retried for a while.
     */
    private void verifyOnceVisible(Collection<TopicSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                verify(specs);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200); // metadata propagation, not synchronisation of tests
            }
        }
    }

    private void verify(Collection<TopicSpec> specs) throws InterruptedException, ExecutionException, TimeoutException {
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList();
        Map<ConfigResource, Config> configs =
                admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> problems = new ArrayList<>();
        for (TopicSpec spec : specs) {
            ConfigEntry policy = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()))
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG);
            boolean compacted = policy != null && policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT);
            if (compacted != spec.compacted()) {
                problems.add(spec.name() + " has cleanup.policy=" + (policy == null ? "?" : policy.value())
                        + " but needs " + (spec.compacted() ? "compact" : "delete") + "; fix it with: kafka-configs.sh"
                        + " --alter --entity-type topics --entity-name " + spec.name()
                        + " --add-config cleanup.policy=" + (spec.compacted() ? "compact" : "delete"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
        if (!descriptions.containsKey(Topics.TIMELINE_ENTRIES) || !descriptions.containsKey(Topics.TIMELINES)) {
            return;
        }
        int entries = descriptions.get(Topics.TIMELINE_ENTRIES).partitions().size();
        int timelines = descriptions.get(Topics.TIMELINES).partitions().size();
        if (entries != timelines) {
            log.warn(
                    "{} has {} partitions and {} has {}: a topic's entries and snapshot land in different partition"
                            + " numbers. Consumers that join them by partition should give both the same count.",
                    Topics.TIMELINE_ENTRIES,
                    entries,
                    Topics.TIMELINES,
                    timelines);
        }
    }
}
