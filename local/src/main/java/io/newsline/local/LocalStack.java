package io.newsline.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Kafka broker and a schema registry run from one directory, each as a child process with its PID file and log
 * there ({@code kafka.pid}, {@code kafka.log}, {@code registry.pid}, {@code registry.log}), plus
 * {@value #STATE_FILE} with the ports of the last start. Both start (and stop) in parallel.
 */
public final class LocalStack {
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_REGISTRY_PORT = 8081;
    static final String STATE_FILE = "stack.properties";

    private final Path dir;
    private final KafkaBroker kafka;
    private final SchemaRegistry registry;

    /** What runs where: the process (if it runs), its endpoint and its log. */
    public record ServiceStatus(LocalService service, Optional<ProcessHandle> process) {
        public boolean running() {
            return process.isPresent();
        }
    }

    private LocalStack(Path dir, KafkaBroker kafka, SchemaRegistry registry) {
        this.dir = dir;
        this.kafka = kafka;
        this.registry = registry;
    }

    /** The stack in {@code dir} on the given ports; the registry keeps its schemas on disk when persistent. */
    public static LocalStack create(
            Path dir, int kafkaPort, int controllerPort, int registryPort, boolean persistentRegistry) {
        return create(dir, kafkaPort, controllerPort, registryPort, persistentRegistry, Map.of());
    }

    /** As above, with broker settings that replace or add to the defaults of {@link KafkaBroker}. */
    public static LocalStack create(
            Path dir,
            int kafkaPort,
            int controllerPort,
            int registryPort,
            boolean persistentRegistry,
            Map<String, String> brokerOverrides) {
        Path absolute = dir.toAbsolutePath().normalize();
        return new LocalStack(
                absolute,
                new KafkaBroker(absolute, kafkaPort, controllerPort, brokerOverrides),
                new SchemaRegistry(absolute, registryPort, persistentRegistry));
    }

    /** On free ports picked now, in memory: for a run that starts and stops everything itself. */
    public static LocalStack onFreePorts(Path dir) {
        return create(dir, Processes.freePort(), Processes.freePort(), Processes.freePort(), false);
    }

    /** The stack as the last start in {@code dir} left it (its ports), or with the default ports. */
    public static LocalStack existing(Path dir) {
        Properties state = readState(dir.toAbsolutePath().normalize());
        return create(
                dir,
                intOr(state, "kafka.port", DEFAULT_KAFKA_PORT),
                intOr(state, "kafka.controller.port", DEFAULT_CONTROLLER_PORT),
                intOr(state, "registry.port", DEFAULT_REGISTRY_PORT),
                true);
    }

    public Path dir() {
        return dir;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public SchemaRegistry registry() {
        return registry;
    }

    public List<LocalService> services() {
        return List.of(kafka, registry);
    }

    /**
     * Starts the given services in parallel and waits until all serve clients. If one fails, the others are
     * stopped again and the first failure is thrown.
     *
     * @param progress told what is started and waited for
     * @throws LocalService.ServiceException naming the part that failed and its log
     */
    public void start(List<LocalService> which, boolean detached, Consumer<String> progress) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        for (LocalService service : which) { // all checked before anything starts
            for (int port : service.ports()) {
                if (!Processes.portFree(port)) {
                    throw new LocalService.ServiceException(
                            service, "port " + port + " on 127.0.0.1 is already in use (by another program?)", false);
                }
            }
        }
        List<CompletableFuture<ProcessHandle>> starting = new ArrayList<>();
        for (LocalService service : which) {
            progress.accept(
                    "starting " + service.name() + " on " + service.endpoint() + " (log " + service.logFile() + ")");
            starting.add(inBackground("start-" + service.id(), () -> service.start(detached)));
        }
        RuntimeException failure = null;
        for (int i = 0; i < starting.size(); i++) {
            try {
                ProcessHandle process = starting.get(i).join();
                progress.accept(which.get(i).name() + " ready (pid " + process.pid() + ")");
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            stop(which, progress);
            throw failure;
        }
        writeState();
    }

    /** Stops whichever of the given services runs, in parallel; returns the stopped PIDs' descriptions. */
    public List<String> stop(List<LocalService> which, Consumer<String> progress) {
        List<CompletableFuture<Optional<Long>>> stopping = new ArrayList<>();
        for (LocalService service : which) {
            service.running().ifPresent(p -> progress.accept("stopping " + service.name() + " (pid " + p.pid() + ")"));
            stopping.add(inBackground("stop-" + service.id(), service::stop));
        }
        List<String> stopped = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < stopping.size(); i++) {
            try {
                Optional<Long> pid = stopping.get(i).join();
                if (pid.isPresent()) {
                    stopped.add(which.get(i).name() + " (pid " + pid.get() + ")");
                }
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return stopped;
    }

    public List<ServiceStatus> status() {
        return services().stream()
                .map(service -> new ServiceStatus(service, service.running()))
                .toList();
    }

    private void writeState() {
        Properties state = new Properties();
        state.setProperty("kafka.port", kafka.ports().get(0).toString());
        state.setProperty("kafka.controller.port", Integer.toString(kafka.controllerPort()));
        state.setProperty("registry.port", registry.ports().get(0).toString());
        state.setProperty("bootstrap.servers", kafka.endpoint());
        state.setProperty("schema.registry.url", registry.endpoint());
        try (Writer writer = Files.newBufferedWriter(dir.resolve(STATE_FILE), StandardCharsets.UTF_8)) {
            state.store(writer, "Written by newsline at the last start");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(STATE_FILE), e);
        }
    }

    private static Properties readState(Path dir) {
        Properties state = new Properties();
        Path file = dir.resolve(STATE_FILE);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                // Unreadable: the defaults are the best guess.
            }
        }
        return state;
    }

    private static int intOr(Properties properties, String key, int fallback) {
        try {
            return Integer.parseInt(properties.getProperty(key, "").trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A thread of its own each: starting waits on processes, and the common pool may have a single thread. */
    private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, runnable -> {
            Thread thread = new Thread(runnable, "newsline-local-" + name);
            thread.setDaemon(true);
            thread.start();
        });
    }
}
