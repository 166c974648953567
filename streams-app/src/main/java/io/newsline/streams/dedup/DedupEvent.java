package io.newsline.streams.dedup;

/** What the deduplication processors emit: a message to another task, or an outcome for the rest of the topology. */
sealed interface DedupEvent {
    record Send(DedupMessage message) implements DedupEvent {}

    record Outcome(DedupOutcome outcome) implements DedupEvent {}
}
