package io.newsline.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build wrote into {@code newsline-local.properties}: versions and where Apicurio Registry was unpacked. */
final class BuildInfo {
    private static final Properties PROPERTIES = load();

    private BuildInfo() {}

    /** The value, or "" when this is not a Maven-built class path. */
    static String get(String key) {
        String value = PROPERTIES.getProperty(key, "");
        return value.contains("${") ? "" : value;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/newsline-local.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read newsline-local.properties", e);
        }
        return properties;
    }
}
