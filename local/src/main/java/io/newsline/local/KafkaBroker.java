package io.newsline.local;

import io.newsline.common.JavaRuntimes;
import io.newsline.common.SingleNodeKafkaSettings;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Kafka's own server ({@code kafka.Kafka} from {@code org.apache.kafka:kafka_2.13}) as a single-node KRaft cluster,
 * broker and controller in one process, listening on 127.0.0.1 only. Its storage under {@code kafka/data} is
 * formatted once, with Kafka's {@code StorageTool}, and kept across restarts.
 *
 * <p>The class path is the one the build resolved (resource {@value #CLASSPATH_RESOURCE}: jars in the local Maven
 * repository), so Kafka's server is not packed into the application jar and nothing is downloaded at run time.
 */
public final class KafkaBroker extends LocalService {
    static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    static final String MAIN_CLASS = "kafka.Kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";

    /** Printed by {@code KafkaRaftServer} once the broker and controller are up. */
    private static final String STARTED = "Kafka Server started";

    private static final String KAFKA_VERSION = BuildInfo.get("kafka.version");

    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;

    public KafkaBroker(Path stackDir, int port, int controllerPort) {
        this(stackDir, port, controllerPort, Map.of());
    }

    /**
     * @param overrides server settings that replace or add to {@link #serverProperties()}, e.g. the bench's
     *     {@code log.cleaner.enable=false}, which keeps compacted topics at the bytes written
     */
    public KafkaBroker(Path stackDir, int port, int controllerPort, Map<String, String> overrides) {
        super(stackDir, "kafka", "Kafka broker");
        this.port = port;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
    }

    @Override
    public String endpoint() {
        return "127.0.0.1:" + port;
    }

    @Override
    public List<Integer> ports() {
        return List.of(port, controllerPort);
    }

    public int controllerPort() {
        return controllerPort;
    }

    Path configDir() {
        return dir().resolve("kafka");
    }

    Path dataDir() {
        return configDir().resolve("data");
    }

    /**
     * Settings of a one-node cluster: the ones every such cluster of ours shares ({@link SingleNodeKafkaSettings}),
     * then this node's roles, listeners and storage, then the overrides.
     */
    Map<String, String> serverProperties() {
        Map<String, String> config = SingleNodeKafkaSettings.broker();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", dataDir().toString());
        config.putAll(overrides);
        return config;
    }

    @Override
    protected void prepare() throws IOException {
        Files.createDirectories(dataDir());
        Path serverProperties = configDir().resolve("server.properties");
        Files.writeString(
                serverProperties,
                "# Written by newsline at every start; edit the code, not this file.\n"
                        + serverProperties().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                                .collect(Collectors.joining("\n", "", "\n")),
                StandardCharsets.UTF_8);
        Files.writeString(configDir().resolve("log4j2.properties"), LOG4J2, StandardCharsets.UTF_8);
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            format();
        }
    }

    /** {@code kafka-storage.sh format}: a new cluster id, the controller quorum of this one node. */
    private void format() throws IOException {
        List<String> command = java();
        command.add(STORAGE_TOOL);
        command.addAll(List.of(
                "format",
                "--cluster-id",
                newClusterId(),
                "--config",
                configDir().resolve("server.properties").toString(),
                "--ignore-formatted"));
        Process format = Processes.launch(command, dir(), logFile(), false);
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IOException("formatting the storage did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting the storage");
        }
        if (format.exitValue() != 0) {
            throw new IOException(
                    "formatting the storage (" + STORAGE_TOOL + ") failed with status " + format.exitValue());
        }
    }

    /** What {@code kafka-storage.sh random-uuid} prints: 16 random bytes, URL-safe Base64 without padding. */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do { // as Kafka's Uuid.randomUuid(): no leading '-', which command lines would take for an option
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    @Override
    protected List<String> command() {
        List<String> command = java();
        JavaRuntimes.JavaRuntime java = JavaRuntimes.current();
        command.addAll(
                1,
                Processes.classDataSharing(
                        java.featureVersion(),
                        classDataArchive("kafka-" + KAFKA_VERSION + "-java" + java.featureVersion())));
        command.add(MAIN_CLASS);
        command.add(configDir().resolve("server.properties").toString());
        return command;
    }

    private List<String> java() {
        List<String> command = new ArrayList<>(List.of(
                JavaRuntimes.current().javaExecutable().toString(),
                marker(),
                "-Xms128m",
                "-Xmx512m",
                // A developer's broker: quick to start on a small machine matters more than peak throughput.
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile="
                        + configDir().resolve("log4j2.properties").toUri(),
                "-cp",
                String.join(File.pathSeparator, classpath())));
        return command;
    }

    @Override
    protected boolean ready(long logFrom) throws IOException {
        return Processes.accepts(port) && logSince(logFrom).contains(STARTED);
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(90);
    }

    /** The jars of Kafka's server, as the build resolved them; all must still be there. */
    static List<String> classpath() {
        String text;
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("This build has no " + CLASSPATH_RESOURCE + " (the class path of"
                        + " Kafka's server); rebuild with Maven: NEWSLINE_REBUILD=1 ./newsline ...");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CLASSPATH_RESOURCE, e);
        }
        List<String> jars = List.of(text.split(File.pathSeparator));
        List<String> missing =
                jars.stream().filter(jar -> !Files.isRegularFile(Path.of(jar))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kafka's server jars are missing from the local Maven repository (e.g. "
                    + missing.get(0) + "); rebuild with Maven to fetch them: NEWSLINE_REBUILD=1 ./newsline ...");
        }
        return jars;
    }

    private static final String LOG4J2 =
            """
            # Written by newsline: Kafka's log goes to standard output, which is kafka.log.
            status = warn
            appender.out.type = Console
            appender.out.name = STDOUT
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = info
            rootLogger.appenderRef.out.ref = STDOUT
            logger.request.name = kafka.request.logger
            logger.request.level = warn
            logger.cleaner.name = kafka.log.LogCleaner
            logger.cleaner.level = warn
            """;
}
