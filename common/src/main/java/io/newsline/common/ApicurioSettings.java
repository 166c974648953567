package io.newsline.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings shared by every Apicurio Registry 3 we run ourselves (the testkit's and {@code newsline local}'s),
 * passed to it as {@code -Dkey=value} system properties, which take precedence over the distribution's own:
 *
 * <ul>
 *   <li>the API ({@code quarkus.http.*}) and the management interface with the health checks
 *       ({@code quarkus.management.*}, on its own ephemeral port) listen on 127.0.0.1 only;
 *   <li>storage is H2 ({@code apicurio.storage.kind=sql}, {@code apicurio.storage.sql.kind=h2}), in memory
 *       unless the caller sets {@code apicurio.datasource.url};
 *   <li>OpenTelemetry, OIDC, authentication, search indexing and dev services are off: no outgoing connection;
 *   <li>it behaves like a fresh Confluent Schema Registry: BACKWARD compatibility by default, and subjects and
 *       versions can be deleted (off by default in Apicurio).
 * </ul>
 */
public final class ApicurioSettings {
    /** The Java feature version Apicurio Registry 3 needs. */
    public static final int REQUIRED_JAVA = 21;

    /** Where Apicurio serves Confluent's Schema Registry API, relative to its root. */
    public static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";

    private ApicurioSettings() {}

    /**
     * The shared settings, with the API on {@code httpPort} (0: one the OS chooses), in a mutable map in a stable
     * order, so that a caller can add what differs (e.g. {@code apicurio.datasource.url} for on-disk storage).
     */
    public static Map<String, String> systemProperties(int httpPort) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.http.port", Integer.toString(httpPort));
        config.put("quarkus.management.host", "127.0.0.1");
        config.put("quarkus.management.port", "0");
        config.put("apicurio.storage.kind", "sql");
        config.put("apicurio.storage.sql.kind", "h2");
        config.put("quarkus.otel.sdk.disabled", "true");
        config.put("quarkus.oidc.tenant-enabled", "false");
        config.put("apicurio.authn.enabled", "false");
        config.put("apicurio.search.index.enabled", "false");
        config.put("quarkus.devservices.enabled", "false");
        // Behave like a fresh Confluent Schema Registry: BACKWARD by default, subjects can be deleted.
        config.put("apicurio.rules.global.compatibility", "BACKWARD");
        config.put("apicurio.rest.deletion.artifact.enabled", "true");
        config.put("apicurio.rest.deletion.artifact-version.enabled", "true");
        return config;
    }
}
