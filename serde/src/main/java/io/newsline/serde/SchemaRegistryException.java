package io.newsline.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A schema-registry call failed. Carries the HTTP status and the registry's Confluent {@code error_code}
 * ({@link #NONE} when there was no response or no error body).
 *
 * <p>It extends Kafka's {@link SerializationException} on purpose: the serializer and deserializer let it
 * through unwrapped, so the producer and Kafka Streams' exception handlers treat it as the serialization
 * error it is, while callers can still catch the precise subtype.
 */
public class SchemaRegistryException extends SerializationException {
    /** Status or error code when there was none. */
    public static final int NONE = -1;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The HTTP status of the registry's answer, or {@link #NONE}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Confluent {@code error_code} from the answer's body (e.g. 40403), or {@link #NONE}. */
    public int errorCode() {
        return errorCode;
    }
}
