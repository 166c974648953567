/**
 * Avro serialization for Kafka through a schema registry, compatible byte for byte and setting for setting
 * with Confluent's {@code KafkaAvroSerializer} / {@code KafkaAvroDeserializer} / {@code SpecificAvroSerde}
 * (whose jars are not on Maven Central). Works against Confluent Schema Registry and against Apicurio
 * Registry's Confluent-compatible API ({@code http://host:port/apis/ccompat/v7}).
 *
 * <h2>Wire format</h2>
 *
 * <pre>
 * byte 0      magic byte, always 0
 * bytes 1-4   schema id, 32-bit big-endian, as assigned by the registry
 * bytes 5-    the record in Avro binary encoding (SpecificDatumWriter), no container-file header
 * </pre>
 *
 * A {@code null} record is written as {@code null} (a tombstone) and read back as {@code null}.
 *
 * <h2>Subjects</h2>
 *
 * Confluent's TopicNameStrategy: {@code <topic>-key} for keys, {@code <topic>-value} for values.
 *
 * <h2>Settings</h2>
 *
 * Read from the map passed to {@code configure}, i.e. from the producer, consumer or Streams properties:
 *
 * <ul>
 *   <li>{@code schema.registry.url} (required): base URL(s), comma-separated; later ones are failovers.
 *   <li>{@code basic.auth.credentials.source}: {@code URL} (default; credentials from {@code
 *       http://user:password@host}) or {@code USER_INFO} (from {@code basic.auth.user.info}).
 *   <li>{@code basic.auth.user.info}: {@code user:password}.
 *   <li>{@code auto.register.schemas} (default {@code true}), {@code use.latest.version} (default {@code
 *       false}; only when auto-registration is off), {@code specific.avro.reader} (accepted; we always read
 *       specific records).
 *   <li>{@code key.subject.name.strategy} / {@code value.subject.name.strategy}: accepted only as
 *       TopicNameStrategy, anything else is rejected rather than silently ignored.
 *   <li>Ours, ignored by Confluent's classes: {@code schema.registry.request.timeout.ms} (10000), {@code
 *       schema.registry.connect.timeout.ms} (5000), {@code schema.registry.retries} (3 retry rounds after a
 *       connect error, timeout, 5xx or 429), {@code schema.registry.retry.backoff.ms} (200, doubled each
 *       round, at most 10 s).
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * Registry failures are {@link io.newsline.serde.SchemaRegistryException} (HTTP status and Confluent {@code
 * error_code}) and its subtypes {@link io.newsline.serde.SchemaNotFoundException} (404), {@link
 * io.newsline.serde.IncompatibleSchemaException} (409), {@link io.newsline.serde.InvalidSchemaException}
 * (422) and {@link io.newsline.serde.SchemaRegistryUnavailableException} (no URL answered). They extend
 * Kafka's {@link org.apache.kafka.common.errors.SerializationException}, so the serializer and deserializer
 * throw them unwrapped and Kafka treats them as serialization errors. Data without magic byte 0 gives an
 * {@link io.newsline.serde.UnknownMagicByteException}.
 *
 * <h2>Using Confluent's classes instead</h2>
 *
 * Nothing but configuration changes, with Confluent's jars on the classpath:
 *
 * <ul>
 *   <li>Producer / consumer: {@code value.serializer=io.confluent.kafka.serializers.KafkaAvroSerializer}
 *       instead of {@code io.newsline.serde.SpecificAvroSerializer}, and {@code
 *       value.deserializer=io.confluent.kafka.serializers.KafkaAvroDeserializer} with {@code
 *       specific.avro.reader=true} instead of {@code io.newsline.serde.SpecificAvroDeserializer}.
 *   <li>Streams and the apps: {@code newsline.avro.serde=io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}
 *       (see {@link io.newsline.serde.AvroSerdes}).
 * </ul>
 *
 * Topics written by either implementation are read by the other.
 */
package io.newsline.serde;
