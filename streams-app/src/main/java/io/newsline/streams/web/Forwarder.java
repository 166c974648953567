package io.newsline.streams.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the app (its {@code application.server}) and relays its answer. A forwarded request
 * carries {@link #FORWARDED}, so an instance that is not the owner either never forwards it again (the metadata is
 * moving: 503) and requests cannot loop.
 */
final class Forwarder {
    static final String FORWARDED = "X-Newsline-Forwarded";
    /** Set on a search sent to each instance: answer from your own partitions only. */
    static final String SCOPE = "X-Newsline-Scope";

    static final String SERVED_BY = "X-Newsline-Served-By";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String self;

    Forwarder(HostInfo self) {
        this.self = self.host() + ":" + self.port();
    }

    Response get(HostInfo owner, String pathAndQuery, Map<String, String> extraHeaders) {
        URI uri = URI.create("http://" + hostPart(owner.host()) + ":" + owner.port() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header(FORWARDED, self)
                .header("Accept", "application/json");
        extraHeaders.forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ApiException.unavailable("the instance that holds this data (" + owner.host() + ":" + owner.port()
                    + ") did not answer; it may be moving");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {"Retry-After", SERVED_BY}) {
            response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
        }
        String type = response.headers().firstValue("Content-Type").orElse(Response.JSON);
        return new Response(response.statusCode(), type, response.body(), headers);
    }

    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
