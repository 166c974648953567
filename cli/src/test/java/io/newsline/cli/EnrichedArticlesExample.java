package io.newsline.cli;

import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.Topic;
import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The README's example of a downstream consumer in another JVM application: prints every enriched article with
 * its topics. Run against `./newsline local up`:
 * {@code java -cp ... io.newsline.cli.EnrichedArticlesExample 127.0.0.1:9092 http://127.0.0.1:8081/apis/ccompat/v7}.
 */
public final class EnrichedArticlesExample {
    public static void main(String[] args) {
        Map<String, Object> config = Map.ofEntries(
                Map.entry("bootstrap.servers", args[0]),
                Map.entry(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, args[1]),
                Map.entry("group.id", "enriched-articles-example"),
                Map.entry("auto.offset.reset", "earliest"),
                // The streams app writes in exactly-once transactions: read only what it committed.
                Map.entry("isolation.level", "read_committed"),
                Map.entry("key.deserializer", StringDeserializer.class),
                // Or Confluent's: io.confluent.kafka.serializers.KafkaAvroDeserializer.class
                Map.entry("value.deserializer", SpecificAvroDeserializer.class),
                // Confluent's returns GenericRecords without it.
                Map.entry("specific.avro.reader", true));
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("news.articles.enriched"));
            while (true) {
                for (ConsumerRecord<String, EnrichedArticle> record : consumer.poll(Duration.ofSeconds(1))) {
                    EnrichedArticle article = record.value();
                    System.out.printf(
                            "%s  %s  %s%n",
                            article.getPublishedAt(),
                            article.getTitle(),
                            article.getTopics().stream().map(Topic::getLabel).toList());
                }
            }
        }
    }

    private EnrichedArticlesExample() {}
}
