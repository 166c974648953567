package io.newsline.streams.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsline.streams.health.HealthChecks;
import io.newsline.streams.metrics.MetricsRegistry;
import io.newsline.streams.query.Owners;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the JDK's own ({@code jdk.httpserver}), because a read-only JSON API, a few static files and
 * three probes need nothing more, and it adds no jar to {@code newsline.jar}. A bounded pool of
 * {@value #THREADS} threads answers; when its queue is full the accepting thread answers (back-pressure, nothing
 * queues without bound). Every error is JSON with a reason; a stack trace only ever goes to the log.
 */
final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final int THREADS = 8;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final MetricsRegistry metrics;
    private volatile TimelineApi api;
    private volatile HealthChecks health;
    private final StaticFiles files = new StaticFiles();

    /** Binds the port; {@link #routes} then {@link #start} (the routes need the port bound here). */
    WebServer(InetSocketAddress bind, MetricsRegistry metrics) throws IOException {
        this.metrics = metrics;
        this.server = HttpServer.create(bind, 64);
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256),
                runnable -> {
                    Thread thread = new Thread(runnable, "newsline-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    void routes(TimelineApi timelineApi, HealthChecks healthChecks) {
        this.api = timelineApi;
        this.health = healthChecks;
    }

    void start() {
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private void exchange(HttpExchange exchange) {
        try (exchange) {
            Response response;
            try {
                response = answer(exchange);
            } catch (ApiException e) {
                response = Response.json(e.status, Map.of("error", e.getMessage()));
                if (e.status == 503) {
                    response = response.with("Retry-After", Integer.toString(ApiException.RETRY_AFTER_SECONDS));
                }
                if (e.status == 405) {
                    response = response.with("Allow", "GET, HEAD");
                }
            } catch (InvalidStateStoreException | Owners.OwnerUnknownException e) {
                response = Response.json(
                                503, Map.of("error", "not available while rebalancing or restoring; try again"))
                        .with("Retry-After", Integer.toString(ApiException.RETRY_AFTER_SECONDS));
            } catch (StreamsException e) {
                log.warn("HTTP {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
                response = Response.json(503, Map.of("error", "the streams app cannot answer now; try again"))
                        .with("Retry-After", Integer.toString(ApiException.RETRY_AFTER_SECONDS));
            } catch (RuntimeException e) {
                log.error("HTTP {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = Response.json(500, Map.of("error", "internal error (logged)"));
            }
            send(exchange, response);
        } catch (IOException e) {
            log.debug("HTTP client went away: {}", e.toString());
        }
    }

    private Response answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw ApiException.methodNotAllowed();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        Request request = new Request(exchange.getRequestURI(), headers);
        String path = request.path;
        if (path.startsWith("/api/")) {
            return api.handle(request).with("Cache-Control", "no-store");
        }
        switch (path) {
            case "/health/live":
                return probe(health.live());
            case "/health/ready":
                return probe(health.ready());
            case "/metrics":
                return Response.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            default:
                Response file = files.get(path);
                if (file == null) {
                    throw ApiException.notFound("not found: " + path);
                }
                return file;
        }
    }

    private static Response probe(HealthChecks.Result result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", result.up() ? "UP" : "DOWN");
        body.putAll(result.details());
        Response response = Response.json(result.up() ? 200 : 503, body).with("Cache-Control", "no-store");
        return result.up()
                ? response
                : response.with("Retry-After", Integer.toString(ApiException.RETRY_AFTER_SECONDS));
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (response.contentType().startsWith("text/html")) {
            headers.set(
                    "Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
        }
        response.headers().forEach(headers::set);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), head ? -1 : (body.length == 0 ? -1 : body.length));
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
