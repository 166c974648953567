package io.newsline.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of the schema-registry client and the Avro serde, read from the map given to {@code configure}.
 * The keys are Confluent's where Confluent has one, so one set of client properties works with either
 * implementation; the {@code schema.registry.*.ms} and {@code schema.registry.retries} keys are ours and
 * ignored by Confluent's classes.
 */
public final class SchemaRegistryConfig {
    /** Comma-separated registry base URLs; later ones are used when earlier ones fail. Required. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code URL} (default, like Confluent: the {@code user:password@} part of each URL) or {@code USER_INFO}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password}, used when the credentials source is {@code USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Register the record's schema on first use (default true); when false, only look it up. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** With auto-registration off, write with the subject's latest registered schema (default false). */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Accepted for Confluent compatibility; our deserializer always returns specific records. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Confluent's subject naming settings; only TopicNameStrategy ({@code <topic>-key|value}) is supported. */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** Time allowed for one HTTP request, in ms (default 10000). */
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    /** Time allowed to open a connection, in ms (default 5000). */
    public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
    /** Extra rounds over all URLs after a connect error, timeout, 5xx or 429 (default 3). */
    public static final String RETRIES = "schema.registry.retries";
    /** Pause before the first retry round, in ms, doubled each round up to 10 s (default 200). */
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";

    static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    private final List<URI> urls;
    private final String credentialsSource;
    private final String userInfo;
    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final int retries;
    private final long retryBackoffMs;

    private SchemaRegistryConfig(Map<String, ?> configs, boolean urlRequired) {
        this.urls = parseUrls(configs.get(SCHEMA_REGISTRY_URL), urlRequired);
        this.credentialsSource =
                string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL").toUpperCase(Locale.ROOT);
        this.userInfo = string(configs, BASIC_AUTH_USER_INFO, "");
        this.autoRegisterSchemas = bool(configs, AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = bool(configs, USE_LATEST_VERSION, false);
        bool(configs, SPECIFIC_AVRO_READER, true); // validated only
        this.requestTimeout = Duration.ofMillis(number(configs, REQUEST_TIMEOUT_MS, 10_000, 1));
        this.connectTimeout = Duration.ofMillis(number(configs, CONNECT_TIMEOUT_MS, 5_000, 1));
        this.retries = (int) number(configs, RETRIES, 3, 0);
        this.retryBackoffMs = number(configs, RETRY_BACKOFF_MS, 200, 0);

        if (!credentialsSource.equals("URL") && !credentialsSource.equals("USER_INFO")) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, credentialsSource, "supported: URL, USER_INFO");
        }
        if (credentialsSource.equals("USER_INFO") && !userInfo.contains(":")) {
            throw new ConfigException(
                    BASIC_AUTH_USER_INFO, "(hidden)", "must be user:password when the source is USER_INFO");
        }
        for (String key : List.of(KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY)) {
            Object strategy = configs.get(key);
            String name = strategy instanceof Class<?> c ? c.getName() : String.valueOf(strategy);
            if (strategy != null && !name.equals(TOPIC_NAME_STRATEGY)) {
                throw new ConfigException(key, name, "only " + TOPIC_NAME_STRATEGY + " is supported");
            }
        }
    }

    /** Reads the settings; a missing or malformed {@value #SCHEMA_REGISTRY_URL} is a {@link ConfigException}. */
    public static SchemaRegistryConfig from(Map<String, ?> configs) {
        return new SchemaRegistryConfig(configs, true);
    }

    /** Same, but without a URL: for serdes given a ready {@link SchemaRegistryClient}. */
    static SchemaRegistryConfig withoutUrl(Map<String, ?> configs) {
        return new SchemaRegistryConfig(configs, false);
    }

    public List<URI> urls() {
        return urls;
    }

    /** {@code URL} or {@code USER_INFO}. */
    public String credentialsSource() {
        return credentialsSource;
    }

    /** {@code user:password} from {@value #BASIC_AUTH_USER_INFO}, or empty. */
    public String userInfo() {
        return userInfo;
    }

    public boolean autoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public int retries() {
        return retries;
    }

    public long retryBackoffMs() {
        return retryBackoffMs;
    }

    private static List<URI> parseUrls(Object value, boolean required) {
        List<String> raw = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> raw.add(String.valueOf(v)));
        } else if (value != null) {
            raw.addAll(List.of(value.toString().split(",")));
        }
        List<URI> urls = new ArrayList<>();
        for (String s : raw) {
            String trimmed = s.trim().replaceAll("/+$", "");
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                URI uri = new URI(trimmed);
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                        || uri.getHost() == null) {
                    throw new URISyntaxException(trimmed, "expected http(s)://host[:port][/path]");
                }
                urls.add(uri);
            } catch (URISyntaxException e) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, trimmed, "not a valid URL: " + e.getMessage());
            }
        }
        if (urls.isEmpty() && required) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\": set it to the schema registry's base URL (Confluent API), e.g. http://localhost:8081"
                    + " or, for Apicurio, http://localhost:8080/apis/ccompat/v7; several may be comma-separated.");
        }
        return List.copyOf(urls);
    }

    private static String string(Map<String, ?> configs, String key, String defaultValue) {
        Object value = configs.get(key);
        // Kafka hands PASSWORD-typed values over as Password objects; take the real value, never toString().
        if (value instanceof Password p) {
            return p.value();
        }
        return value == null ? defaultValue : value.toString().trim();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null || value instanceof Boolean) {
            return value == null ? defaultValue : (Boolean) value;
        }
        String s = value.toString().trim().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new ConfigException(key, value, "expected true or false");
        }
        return Boolean.parseBoolean(s);
    }

    private static long number(Map<String, ?> configs, String key, long defaultValue, long min) {
        Object value = configs.get(key);
        long n;
        try {
            n = value == null
                    ? defaultValue
                    : value instanceof Number num
                            ? num.longValue()
                            : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "expected a whole number");
        }
        if (n < min) {
            throw new ConfigException(key, value, "must be at least " + min);
        }
        return n;
    }
}
