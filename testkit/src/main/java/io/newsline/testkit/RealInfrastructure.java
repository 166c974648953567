package io.newsline.testkit;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One {@link KafkaTestCluster} and one {@link ApicurioRegistry} per test JVM, shared by all tests in it:
 * started on first use (both at once when both are asked for, as {@link RealInfrastructureExtension} does) and
 * stopped when the JVM exits. Tests sharing them must not rely on fixed ports, schema ids or an empty cluster:
 * name topics, consumer groups and subjects with {@link #uniqueTopic} / {@link #uniqueName}.
 */
public final class RealInfrastructure {
    private static CompletableFuture<KafkaTestCluster> kafka;
    private static CompletableFuture<ApicurioRegistry> registry;
    private static boolean shutdownHookAdded;

    private RealInfrastructure() {}

    /** The shared Kafka cluster, started now if it is not yet. */
    public static KafkaTestCluster kafka() {
        return join(startKafka());
    }

    /** The shared schema registry, started now if it is not yet. */
    public static ApicurioRegistry registry() {
        return join(startRegistry());
    }

    /** Starts whatever is not yet running of both, in parallel, and waits for both. */
    public static void startAll() {
        CompletableFuture<KafkaTestCluster> kafkaStarting = startKafka();
        CompletableFuture<ApicurioRegistry> registryStarting = startRegistry();
        join(kafkaStarting);
        join(registryStarting);
    }

    /** A topic name no other test uses: {@code prefix} plus a random suffix, e.g. {@code articles-3f9c2a1b}. */
    public static String uniqueTopic(String prefix) {
        return uniqueName(prefix);
    }

    /** A name (consumer group, transactional id, subject...) no other test uses. */
    public static String uniqueName(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return prefix.isEmpty() ? suffix : prefix + "-" + suffix;
    }

    private static synchronized CompletableFuture<KafkaTestCluster> startKafka() {
        if (kafka == null) {
            addShutdownHookOnce();
            kafka = inBackground("kafka", KafkaTestCluster::start);
        }
        return kafka;
    }

    private static synchronized CompletableFuture<ApicurioRegistry> startRegistry() {
        if (registry == null) {
            addShutdownHookOnce();
            registry = inBackground("apicurio-registry", ApicurioRegistry::start);
        }
        return registry;
    }

    /** A thread of its own each: the common pool may have a single thread on a small machine. */
    private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, task -> {
            Thread thread = new Thread(task, "newsline-testkit-start-" + name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** A failed start is not retried: every later test fails fast with the same cause. */
    private static <T> T join(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause
                    ? new IllegalStateException(cause.getMessage(), cause)
                    : e;
        }
    }

    private static void addShutdownHookOnce() {
        if (!shutdownHookAdded) {
            shutdownHookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(RealInfrastructure::stopAll, "newsline-testkit-stop"));
        }
    }

    /** Stops what was started; idempotent (the extension calls it at the end of the tests, the hook at exit). */
    static void stopAll() {
        CompletableFuture<ApicurioRegistry> registryStarted;
        CompletableFuture<KafkaTestCluster> kafkaStarted;
        synchronized (RealInfrastructure.class) {
            registryStarted = registry;
            kafkaStarted = kafka;
            registry = null;
            kafka = null;
        }
        // Only what finished starting; a start still under way is a daemon thread that dies with the JVM, and
        // an Apicurio process it may have launched has a shutdown hook of its own.
        if (registryStarted != null && registryStarted.isDone() && !registryStarted.isCompletedExceptionally()) {
            registryStarted.join().close();
        }
        if (kafkaStarted != null && kafkaStarted.isDone() && !kafkaStarted.isCompletedExceptionally()) {
            kafkaStarted.join().close();
        }
    }
}
