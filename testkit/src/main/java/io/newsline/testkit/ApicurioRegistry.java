package io.newsline.testkit;

import static org.awaitility.Awaitility.await;

import io.newsline.common.ApicurioSettings;
import io.newsline.common.JavaRuntimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry 3 with in-memory storage, run as a child process on loopback ports chosen by the OS,
 * for tests that need a schema registry speaking Confluent's REST API (at {@link #confluentApiUrl()}).
 *
 * <p>What was checked against Apicurio Registry 3.3.3 (its {@code application.properties} and by hand):
 *
 * <ul>
 *   <li>Storage: {@code apicurio.storage.kind=sql} with {@code apicurio.storage.sql.kind=h2} and the default
 *       {@code jdbc:h2:mem:} URL is already the in-memory default; it is set explicitly anyway. Nothing is
 *       written to disk apart from our log file.
 *   <li>Network: the API ({@code quarkus.http.*}) and the management interface with the health checks
 *       ({@code quarkus.management.*}, on by default, own port) are bound to 127.0.0.1 on port 0; the API's
 *       port is read back from the "Listening on" start-up line. OpenTelemetry's SDK, OIDC, Elasticsearch
 *       indexing and dev services are off by default and switched off explicitly; no outgoing connection was
 *       seen.
 *   <li>Schema ids: {@code POST /subjects/{s}/versions} answers {@code {"id":N}} where N is the content id, so
 *       the same schema under two subjects gets the same id, as with Confluent
 *       ({@code apicurio.ccompat.legacy-id-mode.enabled=true} would switch to per-version global ids). Ids are
 *       not consecutive (a rejected schema uses one up): tests must never assume their values.
 *   <li>Compatibility: Apicurio has no compatibility rule by default ({@code GET /config} says NONE), Confluent
 *       defaults to BACKWARD. {@code apicurio.rules.global.compatibility=BACKWARD} makes Apicurio start like
 *       Confluent. {@code PUT /config} sets the global rule, {@code PUT /config/{s}} the subject's rule;
 *       bad levels get 422 (error_code 42203). An incompatible {@code POST /subjects/{s}/versions} gets 409
 *       (error_code 409, Confluent says 409 too); {@code POST /compatibility/subjects/{s}/versions/latest}
 *       answers {@code {"is_compatible":false}}; a schema that does not parse gets 422 (error_code 42201).
 *   <li>Differences from Confluent: {@code GET /config/{s}} for a subject without its own level answers 200
 *       with NONE instead of 404 (use {@code ?defaultToGlobal=true}); deleting subjects is off by default in
 *       Apicurio and switched on here ({@code apicurio.rest.deletion.*}).
 * </ul>
 *
 * <p>The settings shared with {@code newsline local}'s registry are in {@link ApicurioSettings}; here the API gets
 * an ephemeral port and the storage stays in memory.
 *
 * <p>Needs Java {@value #REQUIRED_JAVA}+, found by {@link JavaRuntimes}. The distribution comes from the build
 * (see {@code newsline-testkit.properties}), or from system property {@value #HOME_PROPERTY} or environment
 * variable {@value #HOME_ENV}. Starts in about 5-10 s.
 */
public final class ApicurioRegistry implements AutoCloseable {
    public static final String HOME_PROPERTY = "newsline.apicurio.home";
    public static final String HOME_ENV = "NEWSLINE_APICURIO_HOME";
    public static final int REQUIRED_JAVA = ApicurioSettings.REQUIRED_JAVA;

    static final String CONFLUENT_API_PATH = ApicurioSettings.CONFLUENT_API_PATH;

    private static final Logger log = LoggerFactory.getLogger(ApicurioRegistry.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://[0-9.]+:\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Process process;
    private final Path logFile;
    private final String baseUrl;
    private final Thread shutdownHook;
    private final Path dataDir;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ApicurioRegistry(Process process, Path logFile, String baseUrl, Thread shutdownHook, Path dataDir) {
        this.process = process;
        this.logFile = logFile;
        this.baseUrl = baseUrl;
        this.shutdownHook = shutdownHook;
        this.dataDir = dataDir;
    }

    /** Starts a new, empty registry and waits until its Confluent API answers. */
    public static ApicurioRegistry start() {
        return start(null, 0);
    }

    /**
     * Starts a registry that keeps its schemas in an H2 database under {@code dataDir}, so that it can be stopped
     * and {@linkplain #restart() restarted} with the same schemas on the same port: for outage tests.
     */
    public static ApicurioRegistry startOnDisk(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Stops this registry (if still running) and starts it again on the same port with the same on-disk schemas;
     * clients keep their {@code schema.registry.url}. Only for a registry from {@link #startOnDisk(Path)}.
     */
    public ApicurioRegistry restart() {
        if (dataDir == null) {
            throw new IllegalStateException("Only a registry started with startOnDisk can be restarted with its data");
        }
        close();
        return start(dataDir, URI.create(baseUrl).getPort());
    }

    private static ApicurioRegistry start(Path dataDir, int port) {
        long started = System.nanoTime();
        Path home = locateHome();
        JavaRuntimes.JavaRuntime java = JavaRuntimes.findAtLeast(REQUIRED_JAVA, "Apicurio Registry 3");
        Path logFile = newLogFile();

        List<String> command = new ArrayList<>(List.of(
                java.javaExecutable().toString(),
                "-Xmx512m",
                // Start-up speed matters more than peak performance for tests; fewer GC threads on small machines.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        Map<String, String> config = ApicurioSettings.systemProperties(port);
        if (dataDir != null) {
            config.put(
                    "apicurio.datasource.url",
                    "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(home.resolve("quarkus-run.jar").toString());

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logFile.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        // Quarkus reads QUARKUS_* and APICURIO_* variables as settings; a developer's shell must not change ours.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("APICURIO_"));

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        }
        Thread shutdownHook = new Thread(() -> stop(process), "apicurio-registry-" + process.pid() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        String baseUrl;
        try {
            // An exception that some other thread of the test JVM did not catch (an app under test) is not ours.
            baseUrl = await("Apicurio Registry to answer (log: " + logFile + ")")
                    .dontCatchUncaughtExceptions()
                    .atMost(START_TIMEOUT)
                    .pollDelay(Duration.ofMillis(200))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> readyUrl(process, logFile), Objects::nonNull);
        } catch (RuntimeException e) {
            stop(process);
            removeShutdownHook(shutdownHook);
            String why = e instanceof ConditionTimeoutException
                    ? "did not answer within " + START_TIMEOUT.toSeconds() + " s"
                    : "failed to start: " + e.getMessage();
            throw new IllegalStateException(
                    "Apicurio Registry (" + home + ", Java " + java.home() + ") " + why + ". Log " + logFile
                            + ", last lines:\n" + tail(logFile),
                    e);
        }
        log.info(
                "Apicurio Registry at {} ready in {} ms (Java {}, log {})",
                baseUrl,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                java.featureVersion(),
                logFile);
        return new ApicurioRegistry(process, logFile, baseUrl, shutdownHook, dataDir);
    }

    /** Root of the registry, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Confluent Schema Registry API, for {@code schema.registry.url}, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String confluentApiUrl() {
        return baseUrl + CONFLUENT_API_PATH;
    }

    /** The registry's console output. */
    public Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the registry process and anything it started; its data is gone with it. */
    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            stop(process);
            removeShutdownHook(shutdownHook);
        }
    }

    /**
     * Settings passed as system properties, which take precedence over the distribution's own: the shared ones,
     * with the API on a port the OS chooses and the default in-memory H2 storage.
     */
    static Map<String, String> registryConfig() {
        return ApicurioSettings.systemProperties(0);
    }

    /** Where the distribution is: the system property, the environment variable, then what the build wrote. */
    static Path locateHome() {
        String source = "system property " + HOME_PROPERTY;
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            source = "environment variable " + HOME_ENV;
            home = System.getenv(HOME_ENV);
        }
        if (home == null || home.isBlank()) {
            source = "apicurio.home in newsline-testkit.properties";
            home = buildProperties().getProperty("apicurio.home", "");
        }
        Path path = Path.of(home.trim());
        if (home.contains("${") || !Files.isRegularFile(path.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(
                    "No Apicurio Registry distribution (quarkus-run.jar) at '" + home + "', from "
                            + source + ". Build the testkit module (`mvn -pl testkit install`), which unpacks it into "
                            + "testkit/target, or set " + HOME_ENV + " (or -D" + HOME_PROPERTY + ") to an unpacked "
                            + "apicurio-registry-app-*-all.tar.gz.");
        }
        return path;
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = ApicurioRegistry.class.getResourceAsStream("/newsline-testkit.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read newsline-testkit.properties", e);
        }
        return properties;
    }

    /** Maven runs tests in the module directory, so the log lands in its target/ next to the reports. */
    private static Path newLogFile() {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Path dir = Files.isDirectory(target) ? target : Files.createTempDirectory("newsline-testkit");
            return Files.createTempFile(dir, "apicurio-registry-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a log file for Apicurio Registry", e);
        }
    }

    /** The base URL once the Confluent API answers, null while starting; fails at once if the process died. */
    private static String readyUrl(Process process, Path logFile) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("exited with status " + process.exitValue() + " while starting");
        }
        Matcher listening = LISTENING.matcher(Files.readString(logFile, StandardCharsets.ISO_8859_1));
        if (!listening.find()) {
            return null;
        }
        String baseUrl = listening.group(1);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + CONFLUENT_API_PATH + "/subjects"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200 ? baseUrl : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void stop(Process process) {
        // Collected first: once the process is gone its children are re-parented and no longer found this way.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy(); // SIGTERM lets Quarkus shut down cleanly.
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook is running or has run.
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
