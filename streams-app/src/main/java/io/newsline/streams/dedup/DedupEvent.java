package io.newsline.streams.dedup;

import java.util.Optional;

/**
 * What the deduplication processors emit on their one output: a message to another task, or an outcome for the rest
 * of the topology. A closed union, taken apart with {@link #message()} and {@link #outcome()}.
 */
sealed interface DedupEvent {
    Optional<DedupMessage> message();

    Optional<DedupOutcome> outcome();

    record Send(DedupMessage sent) implements DedupEvent {
        @Override
        public Optional<DedupMessage> message() {
            return Optional.of(sent);
        }

        @Override
        public Optional<DedupOutcome> outcome() {
            return Optional.empty();
        }
    }

    record Outcome(DedupOutcome decided) implements DedupEvent {
        @Override
        public Optional<DedupMessage> message() {
            return Optional.empty();
        }

        @Override
        public Optional<DedupOutcome> outcome() {
            return Optional.of(decided);
        }
    }
}
