package io.newsline.local;

import io.newsline.common.ApicurioSettings;
import io.newsline.common.JavaRuntimes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 3 (the distribution {@code io.apicurio:apicurio-registry-app:tar.gz:all} from Maven Central,
 * unpacked by the build), speaking Confluent's Schema Registry API at {@link #endpoint()}, on 127.0.0.1 only. It
 * needs Java {@value #REQUIRED_JAVA}+, found by {@link JavaRuntimes}. The settings shared with the testkit's registry
 * are in {@link ApicurioSettings}: behaves like a fresh Confluent Schema Registry (BACKWARD compatibility, subjects
 * can be deleted); here the API gets the fixed {@code port}, and with {@code persistent} the schemas are kept in an
 * H2 database under {@code registry/}, otherwise in memory.
 */
public final class SchemaRegistry extends LocalService {
    public static final int REQUIRED_JAVA = ApicurioSettings.REQUIRED_JAVA;
    public static final String HOME_ENV = "NEWSLINE_APICURIO_HOME";
    static final String CONFLUENT_API_PATH = ApicurioSettings.CONFLUENT_API_PATH;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final int port;
    private final boolean persistent;
    private JavaRuntimes.JavaRuntime java;

    public SchemaRegistry(Path stackDir, int port, boolean persistent) {
        super(stackDir, "registry", "Schema registry (Apicurio Registry)");
        this.port = port;
        this.persistent = persistent;
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + port + CONFLUENT_API_PATH;
    }

    @Override
    public List<Integer> ports() {
        return List.of(port);
    }

    /** The shared settings, with the fixed port and in-memory or on-disk H2 storage. */
    Map<String, String> registryConfig() {
        Map<String, String> config = ApicurioSettings.systemProperties(port);
        config.put(
                "apicurio.datasource.url",
                persistent
                        ? "jdbc:h2:file:" + dir().resolve("registry").resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE"
                        : "jdbc:h2:mem:registry");
        return config;
    }

    @Override
    protected void prepare() throws IOException {
        java = JavaRuntimes.findAtLeast(REQUIRED_JAVA, "Apicurio Registry 3");
        home(); // fails now, with what to do, rather than as a cryptic exit status
        if (persistent) {
            Files.createDirectories(dir().resolve("registry"));
        }
    }

    @Override
    protected List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                java.javaExecutable().toString(),
                marker(),
                "-Xms64m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(Processes.classDataSharing(
                java.featureVersion(),
                classDataArchive(
                        "apicurio-registry-" + BuildInfo.get("apicurio.version") + "-java" + java.featureVersion())));
        registryConfig().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(home().resolve("quarkus-run.jar").toString());
        return command;
    }

    @Override
    protected boolean ready(long logFrom) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(endpoint() + "/subjects"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    /** The unpacked distribution: {@value #HOME_ENV}, or where the build put it. */
    static Path home() {
        String home = System.getenv(HOME_ENV);
        String source = HOME_ENV;
        if (home == null || home.isBlank()) {
            home = BuildInfo.get("apicurio.home");
            source = "the build (newsline-local.properties)";
        }
        Path path = Path.of(home.trim());
        if (home.contains("${") || !Files.isRegularFile(path.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("No Apicurio Registry distribution at '" + home + "' (from " + source
                    + "). The build unpacks it into local/target; rebuild with NEWSLINE_REBUILD=1 ./newsline ..., or"
                    + " set " + HOME_ENV + " to an unpacked apicurio-registry-app-*-all.tar.gz, or use a registry"
                    + " you run yourself with --schema-registry-url.");
        }
        return path;
    }
}
