package io.newsline.ops;

import io.newsline.serde.SchemaRegistryException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Turns what goes wrong in an operator command into one line on stderr that says what to do next, and an exit
 * status: bad usage (a missing setting, a malformed option) is {@value #USAGE}; a cluster or registry that cannot
 * be used is the command's "could not run" status.
 */
public final class CommandErrors {
    public static final int USAGE = 2;

    private CommandErrors() {}

    /**
     * Runs {@code body} and returns its status, or reports its failure on {@code err}.
     *
     * @param bootstrapServers what the command connects to, for the messages (may be null)
     * @param registryUrl the registry, for the messages (may be null)
     * @param couldNotRun the status for a cluster or registry that cannot be used
     */
    public static int run(
            PrintWriter err, String bootstrapServers, String registryUrl, int couldNotRun, Callable<Integer> body) {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (TopicReader.MissingTopicsException e) {
            err.println("error: " + e.getMessage() + " at " + bootstrapServers
                    + ". The streams app creates the topics when it starts (./newsline stream, or ./newsline local up);"
                    + " or check --bootstrap-servers.");
            return couldNotRun;
        } catch (TimeoutException e) {
            err.println("error: no answer from the Kafka brokers at " + bootstrapServers + " (" + e.getMessage()
                    + "). Pass --bootstrap-servers HOST:PORT or set NEWSLINE_BOOTSTRAP_SERVERS to brokers that run"
                    + " (./newsline local status shows the local ones); on a slow cluster add"
                    + " -X default.api.timeout.ms=60000.");
            return couldNotRun;
        } catch (SchemaRegistryException e) {
            err.println(registryAdvice(registryUrl, e));
            return couldNotRun;
        } catch (KafkaException e) {
            if (e.getCause() instanceof SchemaRegistryException registry) {
                err.println(registryAdvice(registryUrl, registry));
            } else {
                err.println("error: Kafka at " + bootstrapServers + ": " + e.getMessage()
                        + ". Check --bootstrap-servers and the client settings (-X).");
            }
            return couldNotRun;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return couldNotRun;
        } catch (Exception e) {
            err.println("error: " + e);
            return couldNotRun;
        } finally {
            err.flush();
        }
    }

    private static String registryAdvice(String registryUrl, SchemaRegistryException e) {
        return "error: schema registry at " + registryUrl + ": " + e.getMessage()
                + ". Pass --schema-registry-url URL or set NEWSLINE_SCHEMA_REGISTRY_URL to a registry that runs.";
    }
}
