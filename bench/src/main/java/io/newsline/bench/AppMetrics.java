package io.newsline.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the pipeline's own meters from its Prometheus endpoint ({@code /metrics} of its HTTP API): the story stage's
 * CPU time by part ({@code newsline_story_cpu_seconds_total}), which the bench sets beside the whole process's CPU.
 */
final class AppMetrics {
    static final String STORY_CPU = "newsline_story_cpu_seconds_total";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI metrics;

    AppMetrics(String hostAndPort) {
        this.metrics = URI.create("http://" + hostAndPort + "/metrics");
    }

    /** A free loopback port for the app's HTTP API ({@code newsline.http.listen}). */
    static String freeLoopbackAddress() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("no free loopback port for the app's HTTP API", e);
        }
    }

    /**
     * The story stage's CPU seconds so far by part (its {@code part} tag), empty when the endpoint does not answer or
     * has no such meter.
     */
    Map<String, Double> storyCpuSeconds() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(metrics)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? byTag(response.body(), STORY_CPU, "part") : Map.of();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** A meter's samples in Prometheus text by the value of one of its tags ("" for a sample without it). */
    static Map<String, Double> byTag(String prometheusText, String name, String tag) {
        Map<String, Double> samples = new TreeMap<>();
        String at = tag + "=\"";
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                int from = line.indexOf(at);
                String value =
                        from < 0 ? "" : line.substring(from + at.length(), line.indexOf('"', from + at.length()));
                samples.merge(value, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return samples;
    }
}
