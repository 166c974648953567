package io.newsline.producer;

import io.newsline.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka's {@link MockProducer} set up for {@link RawArticle} values. */
final class TestProducers {
    /** Unit tests need no schema registry; the record's id stands in for its bytes. */
    static final Serializer<RawArticle> VALUE_SERIALIZER =
            (topic, article) -> article.getArticleId().getBytes(StandardCharsets.UTF_8);

    private TestProducers() {}

    /** Completes every send at once, successfully. */
    static MockProducer<String, RawArticle> autoCompleting() {
        return new MockProducer<>(true, null, new StringSerializer(), VALUE_SERIALIZER);
    }

    /** Leaves sends pending until the test completes or fails them. */
    static MockProducer<String, RawArticle> manual() {
        return new MockProducer<>(false, null, new StringSerializer(), VALUE_SERIALIZER);
    }
}
