package io.newsline.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows output topics from given offsets with a read_committed consumer of its own (no group), on a thread of
 * its own, and counts outcomes: distinct keys out of an expected set (article ids), or every record when there is
 * none. Remembers when the first record of any kind arrived and when the count reached the target.
 */
final class OutcomeWatcher implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Set<String> expected;
    private final long target;
    private final Set<String> seen = new HashSet<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong(-1);
    private final AtomicLong completeNanos = new AtomicLong(-1);
    private final BiConsumer<ConsumerRecord<byte[], byte[]>, Long> listener;
    private final Thread thread;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    /**
     * @param expected article ids whose first outcome counts; null to count every record
     * @param target the count that means done
     * @param listener also told of every record with its arrival time (System.nanoTime), on the watcher's thread
     */
    OutcomeWatcher(
            Cluster cluster,
            Map<TopicPartition, Long> from,
            Set<String> expected,
            long target,
            BiConsumer<ConsumerRecord<byte[], byte[]>, Long> listener) {
        this.consumer = cluster.consumer("newsline-bench-watcher");
        this.expected = expected;
        this.target = target;
        this.listener = listener;
        consumer.assign(List.copyOf(from.keySet()));
        from.forEach(consumer::seek);
        this.thread = new Thread(this::run, "newsline-bench-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    firstNanos.compareAndSet(-1, now);
                    if (listener != null) {
                        listener.accept(record, now);
                    }
                    if (expected == null) {
                        count.incrementAndGet();
                    } else if (record.key() != null) {
                        String key = new String(record.key(), StandardCharsets.UTF_8);
                        if (expected.contains(key) && seen.add(key)) {
                            count.incrementAndGet();
                        }
                    }
                    if (count.get() >= target) {
                        completeNanos.compareAndSet(-1, now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    long count() {
        check();
        return count.get();
    }

    long target() {
        return target;
    }

    boolean complete() {
        return completeNanos.get() >= 0;
    }

    /** System.nanoTime of the first record, or -1. */
    long firstNanos() {
        return firstNanos.get();
    }

    /** System.nanoTime when the count reached the target, or -1. */
    long completeNanos() {
        return completeNanos.get();
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("reading the outputs failed: " + failure, failure);
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
