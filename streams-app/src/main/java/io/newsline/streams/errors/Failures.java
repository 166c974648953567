package io.newsline.streams.errors;

import io.newsline.serde.SchemaRegistryException;
import io.newsline.serde.SchemaRegistryUnavailableException;
import java.net.http.HttpTimeoutException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells transient failures (worth retrying: the record is fine, something it needs is briefly away) from permanent
 * ones (the record itself is bad: dead-letter it). Looks through the whole cause chain, because Kafka Streams and
 * the serdes wrap what actually went wrong.
 *
 * <p>Transient: the schema registry unreachable, timing out or answering 5xx/429 ({@link
 * SchemaRegistryUnavailableException}), a registry call interrupted by a shutdown, and Kafka's own {@link
 * RetriableException}s. Everything else is permanent: bad framing, an id the registry answers 404 for, Avro that does
 * not decode, content that does not parse.
 */
public final class Failures {
    private Failures() {}

    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SchemaRegistryUnavailableException
                    || t instanceof RetriableException
                    || t instanceof HttpTimeoutException
                    || t instanceof InterruptedException) {
                return true;
            }
            if (t instanceof SchemaRegistryException registry) {
                int status = registry.httpStatus();
                if (status >= 500 || status == 429) {
                    return true;
                }
                if (status == SchemaRegistryException.NONE && t.getCause() instanceof InterruptedException) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A one-line description: the innermost cause's class and message, for logs. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (root.getCause() != null && seen.put(root, Boolean.TRUE) == null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
