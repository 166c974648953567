package io.newsline.streams.web;

import io.newsline.streams.health.HealthChecks;
import io.newsline.streams.metrics.MetricsRegistry;
import io.newsline.streams.metrics.PipelineMetrics;
import io.newsline.streams.query.QueryStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app serves over HTTP: the timeline API, the page, the probes and the metrics, for one Kafka Streams
 * instance. Opened before Kafka Streams is created, because the port it binds (possibly a free one) is the
 * {@code application.server} other instances forward to, which must be in the Streams configs from the start.
 */
public final class WebFront implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebFront.class);

    private final MetricsRegistry metrics = new MetricsRegistry();
    private final HostInfo advertised;
    private final WebServer server;
    private final URI url;
    private volatile KafkaStreams streams;

    private WebFront(HttpSettings http, Map<String, ?> settings) {
        if (!http.enabled()) {
            this.server = null;
            this.url = null;
            this.advertised = null;
            return;
        }
        Object configured = settings.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        Object threadSetting = settings.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG);
        int threads = threadSetting == null
                ? 1
                : Integer.parseInt(threadSetting.toString().trim());
        try {
            InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(http.host()), http.port());
            // The routes need the advertised address, which needs the port the server bound: bind, then wire.
            this.server = new WebServer(bind, metrics);
            int port = server.address().getPort();
            this.advertised = configured == null || configured.toString().isBlank()
                    ? new HostInfo(advertisedHost(bind.getAddress()), port)
                    : HostInfo.buildFromEndpoint(configured.toString().trim());
            server.routes(
                    new TimelineApi(() -> streams, advertised),
                    new HealthChecks(() -> streams, advertised, threads, QueryStores.all()));
            String shownHost = bind.getAddress().isAnyLocalAddress() ? "localhost" : http.host();
            this.url = URI.create(
                    "http://" + (shownHost.contains(":") ? "[" + shownHost + "]" : shownHost) + ":" + port + "/");
        } catch (IOException e) {
            metrics.close();
            throw new UncheckedIOException(
                    "Could not listen on " + http.host() + ":" + http.port() + " (" + HttpSettings.LISTEN + "): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Binds the HTTP port (when enabled); serves 503 until {@link #attach}.
     *
     * @param settings the app's settings, for {@code application.server} and {@code num.stream.threads}
     */
    public static WebFront open(HttpSettings http, Map<String, ?> settings) {
        WebFront front = new WebFront(http, settings);
        if (front.server != null) {
            front.server.start();
            log.info(
                    "Timelines page and API on {} (application.server {}:{})",
                    front.url,
                    front.advertised.host(),
                    front.advertised.port());
        }
        return front;
    }

    /** Adds what Kafka Streams needs from here to its configs: this instance's address and the metrics. */
    public void configure(Properties streamsProperties) {
        if (advertised != null) {
            streamsProperties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
        }
        streamsProperties.put(PipelineMetrics.CONFIG, metrics.pipeline());
    }

    /** Starts answering for this Kafka Streams instance (created with the configs of {@link #configure}). */
    public void attach(KafkaStreams kafkaStreams) {
        metrics.bind(kafkaStreams);
        this.streams = kafkaStreams;
    }

    /** The page's address, when HTTP is enabled. */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        metrics.close();
    }

    private static String advertisedHost(InetAddress bound) throws UnknownHostException {
        // Listening on every interface (a container): others reach this one at its own address.
        return bound.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress() : bound.getHostAddress();
    }
}
