package io.newsline.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Builds the Avro serde the applications use from configuration, so the implementation can be swapped
 * without code changes: {@value #SERDE_CLASS_CONFIG} names a {@link Serde} class with a public no-argument
 * constructor (default {@value #DEFAULT_SERDE_CLASS}; {@value #CONFLUENT_SERDE_CLASS} once Confluent's
 * {@code kafka-streams-avro-serde} jar is on the classpath), which is instantiated and configured with the
 * same map.
 */
public final class AvroSerdes {
    /** The serde class to use. */
    public static final String SERDE_CLASS_CONFIG = "newsline.avro.serde";

    public static final String DEFAULT_SERDE_CLASS = "io.newsline.serde.SpecificAvroSerde";
    public static final String CONFLUENT_SERDE_CLASS = "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde";

    private AvroSerdes() {}

    /**
     * A configured serde for {@code type}, of the class named by {@value #SERDE_CLASS_CONFIG}. The map gets
     * {@code specific.avro.reader=true} unless it says otherwise, so Confluent's classes return specific
     * records too.
     *
     * @param type the record class; for type inference only, the serde finds the class from the data
     * @param configs the client settings, with {@code schema.registry.url}
     * @param isKey whether the serde is for record keys
     * @throws ConfigException if the class is missing, not a {@link Serde}, or cannot be instantiated
     */
    public static <T extends SpecificRecord> Serde<T> serde(Class<T> type, Map<String, ?> configs, boolean isKey) {
        Object setting = configs.get(SERDE_CLASS_CONFIG);
        String className = setting == null
                ? DEFAULT_SERDE_CLASS
                : setting instanceof Class<?> c
                        ? c.getName()
                        : setting.toString().trim();
        Serde<T> serde = instantiate(className);
        Map<String, Object> withDefaults = new HashMap<>(configs);
        withDefaults.putIfAbsent(SchemaRegistryConfig.SPECIFIC_AVRO_READER, "true");
        serde.configure(withDefaults, isKey);
        return serde;
    }

    /** Confluent's TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
    public static String subjectName(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    @SuppressWarnings("unchecked")
    private static <T> Serde<T> instantiate(String className) {
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type = Class.forName(className, true, loader != null ? loader : AvroSerdes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(
                    SERDE_CLASS_CONFIG,
                    className,
                    "class not found on the classpath"
                            + (className.startsWith("io.confluent.")
                                    ? " (add io.confluent:kafka-streams-avro-serde and its dependencies)"
                                    : ""));
        }
        if (!Serde.class.isAssignableFrom(type)) {
            throw new ConfigException(SERDE_CLASS_CONFIG, className, "not a " + Serde.class.getName());
        }
        try {
            return (Serde<T>) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ConfigException(
                    SERDE_CLASS_CONFIG,
                    className,
                    "cannot be instantiated with a public no-argument constructor: " + e);
        }
    }
}
