package io.newsline.streams.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The probes. Live: the process can still do its work (Kafka Streams is not in ERROR or shut down; a restart
 * helps otherwise). Ready: it can answer queries now: RUNNING, every stream thread alive, and every store the API
 * reads that this instance hosts queryable.
 */
public final class HealthChecks {
    /** An answer of a probe: whether it passed and what was checked. */
    public record Result(boolean up, Map<String, Object> details) {}

    private final Supplier<KafkaStreams> streams;
    private final HostInfo self;
    private final int threads;
    private final List<String> stores;

    public HealthChecks(Supplier<KafkaStreams> streams, HostInfo self, int threads, List<String> stores) {
        this.streams = streams;
        this.self = self;
        this.threads = threads;
        this.stores = stores;
    }

    public Result live() {
        KafkaStreams current = streams.get();
        Map<String, Object> details = new LinkedHashMap<>();
        if (current == null) {
            details.put("state", "STARTING");
            return new Result(true, details);
        }
        KafkaStreams.State state = current.state();
        details.put("state", state.name());
        boolean up = state != KafkaStreams.State.ERROR
                && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING
                && state != KafkaStreams.State.PENDING_SHUTDOWN;
        return new Result(up, details);
    }

    public Result ready() {
        KafkaStreams current = streams.get();
        Map<String, Object> details = new LinkedHashMap<>();
        if (current == null) {
            details.put("state", "STARTING");
            return new Result(false, details);
        }
        KafkaStreams.State state = current.state();
        details.put("state", state.name());
        boolean up = state == KafkaStreams.State.RUNNING;
        long alive = current.metadataForLocalThreads().stream()
                .map(ThreadMetadata::threadState)
                .filter(threadState -> !threadState.equals("DEAD") && !threadState.equals("PENDING_SHUTDOWN"))
                .count();
        details.put("threadsAlive", alive);
        details.put("threadsExpected", threads);
        up &= alive >= threads;
        Map<String, String> storeStates = new LinkedHashMap<>();
        if (state == KafkaStreams.State.RUNNING) {
            List<String> hosted = current.metadataForAllStreamsClients().stream()
                    .filter(metadata -> metadata.hostInfo().equals(self))
                    .findFirst()
                    .map(StreamsMetadata::stateStoreNames)
                    .map(names -> stores.stream().filter(names::contains).toList())
                    .orElse(List.of());
            for (String store : hosted) {
                try {
                    current.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
                    storeStates.put(store, "queryable");
                } catch (InvalidStateStoreException e) {
                    storeStates.put(store, "not queryable: " + e.getMessage());
                    up = false;
                }
            }
        }
        details.put("stores", storeStates);
        return new Result(up, details);
    }
}
