package io.newsline.ops.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends dead letters back to where they failed, in one transaction of an idempotent producer with
 * {@code acks=all}: either every one of them is on its topic afterwards or none is. Key and value bytes are sent
 * unchanged, to the partition they came from (when the topic still has it); the headers are those of the failed
 * record plus {@link DeadLetter#REPLAYED_FROM}. The timestamp is the time of the replay, so that the topic's
 * retention counts from now.
 */
public final class DeadLetterReplayer {
    /** A dead letter and the topic it goes back to. */
    public record Planned(DeadLetter deadLetter, String topic) {}

    /** A dead letter and where its replay landed. */
    public record Sent(DeadLetter deadLetter, String topic, int partition, long offset) {}

    private DeadLetterReplayer() {}

    /** The record to send for {@code planned}, given the target topic's partitions. */
    public static ProducerRecord<byte[], byte[]> recordFor(Planned planned, int targetPartitions) {
        DeadLetter deadLetter = planned.deadLetter();
        OptionalInt source = deadLetter.sourcePartition();
        Integer partition = source.isPresent() && source.getAsInt() < targetPartitions ? source.getAsInt() : null;
        return new ProducerRecord<>(
                planned.topic(), partition, null, deadLetter.key(), deadLetter.value(), deadLetter.headersForReplay());
    }

    /** Sends all of {@code plan} in one transaction; returns where each landed, in plan order. */
    public static List<Sent> send(Map<String, Object> clientConfig, List<Planned> plan, Duration timeout)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        if (plan.isEmpty()) {
            return List.of();
        }
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newsline-dlq-replay-" + UUID.randomUUID());
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsline-dlq-replay");
        // Dead letters can be as large as the app's records (16 MiB).
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(16 * 1024 * 1024 + 64 * 1024));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            Map<String, Integer> partitions = new HashMap<>();
            for (Planned planned : plan) {
                partitions.computeIfAbsent(planned.topic(), topic -> {
                    List<PartitionInfo> infos = producer.partitionsFor(topic);
                    return infos == null ? 0 : infos.size();
                });
            }
            producer.beginTransaction();
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            try {
                for (Planned planned : plan) {
                    futures.add(producer.send(recordFor(planned, partitions.get(planned.topic()))));
                }
                producer.commitTransaction();
            } catch (KafkaException e) {
                producer.abortTransaction();
                throw e;
            }
            List<Sent> sent = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                RecordMetadata metadata = futures.get(i).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                sent.add(new Sent(plan.get(i).deadLetter(), metadata.topic(), metadata.partition(), metadata.offset()));
            }
            return sent;
        }
    }
}
