package io.newsline.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes do not start with the Confluent wire format's magic byte 0, so they were not written by a
 * schema-registry-aware Avro serializer (or not for this topic). Same name and meaning as Confluent's.
 */
public class UnknownMagicByteException extends SerializationException {
    public UnknownMagicByteException(String message) {
        super(message);
    }
}
