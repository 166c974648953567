package io.newsline.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kafka-style client settings, resolved in layers the way Kafka tools and Confluent images do it: built-in
 * defaults, then a properties file, then {@code NEWSLINE_*} environment variables, then explicit overrides
 * from the command line ({@code -X key=value} and dedicated options). A later layer wins.
 *
 * <p>Environment variables map to settings by dropping the {@code NEWSLINE_} prefix, lower-casing, and
 * turning {@code _} into {@code .} and {@code __} into {@code _}: {@code NEWSLINE_BOOTSTRAP_SERVERS} is
 * {@code bootstrap.servers}, {@code NEWSLINE_SCHEMA_REGISTRY_URL} is {@code schema.registry.url}.
 */
public final class ClientSettings {
    public static final String ENV_PREFIX = "NEWSLINE_";

    /** Variables the launcher itself reads; they are not client settings. */
    private static final Set<String> RESERVED_ENV = Set.of(
            "NEWSLINE_JAVA_OPTS", "NEWSLINE_JAVA_HOME", "NEWSLINE_HOME", "NEWSLINE_DATA_DIR", "NEWSLINE_REBUILD");

    private final Map<String, String> values = new TreeMap<>();

    private ClientSettings() {}

    public static ClientSettings withDefaults(Map<String, String> defaults) {
        ClientSettings settings = new ClientSettings();
        settings.values.putAll(defaults);
        return settings;
    }

    /** Adds every entry of a {@code .properties} file; a missing or unreadable file is a clear error. */
    public ClientSettings withFile(Path file) {
        if (file == null) {
            return this;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Config file " + file + " does not exist; check the path you passed.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read config file " + file + ": " + e.getMessage(), e);
        }
        properties
                .stringPropertyNames()
                .forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return this;
    }

    /** Adds the settings found in {@code NEWSLINE_*} environment variables. */
    public ClientSettings withEnvironment(Map<String, String> environment) {
        values.putAll(fromEnvironment(environment));
        return this;
    }

    /** Adds explicit settings (command-line); null values are ignored so unset options do not erase. */
    public ClientSettings with(Map<String, String> overrides) {
        overrides.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        return this;
    }

    public ClientSettings with(String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    public String get(String key) {
        return values.get(key);
    }

    public String require(String key, String howToSet) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("No " + key + " is set: " + howToSet);
        }
        return value;
    }

    /** An immutable copy, ready to hand to a Kafka client constructor. */
    public Map<String, Object> asMap() {
        return Map.copyOf(values);
    }

    public Properties asProperties() {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    /** Maps {@code NEWSLINE_*} environment variables to setting names (see the class comment). */
    public static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> settings = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length() && !RESERVED_ENV.contains(name)) {
                settings.put(settingName(name.substring(ENV_PREFIX.length())), value);
            }
        });
        return settings;
    }

    static String settingName(String environmentSuffix) {
        String lower = environmentSuffix.toLowerCase(Locale.ROOT);
        StringBuilder name = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '_' && i + 1 < lower.length() && lower.charAt(i + 1) == '_') {
                name.append('_');
                i++;
            } else {
                name.append(c == '_' ? '.' : c);
            }
        }
        return name.toString();
    }
}
