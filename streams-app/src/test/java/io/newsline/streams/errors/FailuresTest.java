package io.newsline.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.serde.SchemaNotFoundException;
import io.newsline.serde.SchemaRegistryException;
import io.newsline.serde.SchemaRegistryUnavailableException;
import io.newsline.serde.UnknownMagicByteException;
import java.net.ConnectException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void registryUnreachableIsTransientEvenWrappedTwice() {
        Exception unavailable = new SchemaRegistryUnavailableException(
                "Schema registry unavailable while fetching schema id 1", -1, -1, new ConnectException("refused"));
        assertThat(Failures.isTransient(new StreamsException(new SerializationException(unavailable))))
                .isTrue();
    }

    @Test
    void registryServerErrorsAndThrottlingAreTransient() {
        assertThat(Failures.isTransient(new SchemaRegistryException("boom", 503, 50003, null)))
                .isTrue();
        assertThat(Failures.isTransient(new SchemaRegistryException("slow down", 429, -1, null)))
                .isTrue();
    }

    @Test
    void kafkaRetriableErrorsAreTransient() {
        assertThat(Failures.isTransient(new StreamsException(new TimeoutException("metadata"))))
                .isTrue();
    }

    @Test
    void unknownSchemaIdBadFramingAndBadContentArePermanent() {
        assertThat(Failures.isTransient(new SchemaNotFoundException("Schema 99 not found", 404, 40403, null)))
                .isFalse();
        assertThat(Failures.isTransient(new UnknownMagicByteException("Unknown magic byte 1")))
                .isFalse();
        assertThat(Failures.isTransient(new SerializationException("Cannot deserialize Avro data")))
                .isFalse();
        assertThat(Failures.isTransient(new IllegalArgumentException("no body")))
                .isFalse();
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Failures.isTransient(b)).isFalse();
    }
}
