package io.newsline.streams;

import io.newsline.common.Topics;
import io.newsline.streams.timeline.TimelineSettings;
import io.newsline.streams.topics.TopologySerdes;
import io.newsline.streams.web.WebFront;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the topology: checks topics, starts Kafka Streams, and closes it cleanly on shutdown. */
public final class StreamsApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final StreamsAppConfig config;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaStreams streams;
    // Issue 13: the HTTP API, page, probes and metrics of this instance (io.newsline.streams.web).
    private volatile WebFront web;

    public StreamsApp(StreamsAppConfig config) {
        this.config = config;
    }

    /** Starts the app; returns once it is started (not necessarily RUNNING yet). */
    public KafkaStreams start() {
        Properties properties = new Properties();
        properties.putAll(config.clientSettings());
        StreamsAppConfig effective;
        try (Admin admin = Admin.create(adminProperties(properties))) {
            TopicProvisioner provisioner =
                    new TopicProvisioner(admin, config.topicPartitions(), config.topicReplicationFactor());
            if (config.createTopics()) {
                provisioner.ensureTopics(TopicProvisioner.topics());
            }
            // Deduplication's exchange topic is the app's own, like its internal topics: always ensured.
            effective = config.withTopicPartitions(
                    provisioner.ensureExchangeTopic(config.dedupSettings().exchangeTopic()));
            if (config.storySettings().enabled()) {
                // The story stage's own topics, like the exchange topic: always ensured.
                provisioner.ensureOwnTopic(config.storySettings().updatesTopic(), false);
                provisioner.ensureOwnTopic(config.storySettings().matchingTopic(), true);
                // Read in the same tasks as the entries topic: as many partitions.
                provisioner.ensureOwnTopicLike(
                        TimelineSettings.reroutedListsTopic(config.applicationId()), Topics.TIMELINE_ENTRIES);
            }
        }
        Topology topology = NewslineTopology.build(effective, TopologySerdes.from(effective.clientSettings()));
        log.debug("Topology:\n{}", topology.describe());
        // Issue 13: bind the HTTP port first; its address is this instance's application.server.
        WebFront front = WebFront.open(config.httpSettings(), config.clientSettings());
        this.web = front;
        front.configure(properties);
        KafkaStreams kafkaStreams = new KafkaStreams(topology, properties);
        front.attach(kafkaStreams);
        kafkaStreams.setUncaughtExceptionHandler(exception -> {
            // Records that fail are already routed to the dead-letter topic by the handlers; what reaches here
            // is a failure of the thread itself (e.g. a fenced producer), which a new thread can recover from.
            log.error("A stream thread failed; replacing it", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        kafkaStreams.setGlobalStateRestoreListener(new RestoreLog());
        kafkaStreams.setStateListener((newState, oldState) -> {
            log.info("Streams state {} -> {}", oldState, newState);
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        kafkaStreams.start();
        this.streams = kafkaStreams;
        return kafkaStreams;
    }

    /** Starts and blocks until the app stops; 0 on a clean stop, 1 if it ended in error. */
    public int runUntilStopped() {
        KafkaStreams started = start();
        log.info("Newsline streams app '{}' started", config.applicationId());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return started.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }

    /** Blocks until the app stops (closed, or Kafka Streams ended in error); for {@code demo --serve}. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** The address of this instance's page and API, once started with HTTP enabled (issue 13). */
    public Optional<URI> webUrl() {
        WebFront front = web;
        return front == null ? Optional.empty() : front.url();
    }

    @Override
    public void close() {
        KafkaStreams current = streams;
        if (current != null) {
            current.close(CLOSE_TIMEOUT);
        }
        WebFront front = web;
        if (front != null) {
            front.close();
        }
        stopped.countDown();
    }

    private static Properties adminProperties(Properties all) {
        Properties admin = new Properties();
        all.forEach((key, value) -> {
            String name = key.toString();
            if (org.apache.kafka.clients.admin.AdminClientConfig.configNames().contains(name)) {
                admin.put(name, value);
            }
        });
        return admin;
    }
}
