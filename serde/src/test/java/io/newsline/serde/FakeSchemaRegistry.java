package io.newsline.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny in-memory Confluent Schema Registry on a loopback port, for unit tests: enough of the API for the
 * client, plus canned answers to provoke error paths, and a log of every request to count calls.
 */
final class FakeSchemaRegistry implements AutoCloseable {
    record Request(String method, String path, String authorization, String contentType, String body) {}

    private record Canned(int status, String body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSIONS = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern LATEST = Pattern.compile("/subjects/([^/]+)/versions/latest");
    private static final Pattern SUBJECT = Pattern.compile("/subjects/([^/]+)");
    private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(-?\\d+)");
    private static final Pattern CONFIG = Pattern.compile("/config/([^/]+)");
    private static final Pattern COMPATIBILITY = Pattern.compile("/compatibility/subjects/([^/]+)/versions/latest");

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Canned> canned = new ConcurrentLinkedQueue<>();
    private volatile Canned always;

    private final AtomicInteger nextId;
    private final Map<String, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> versions = new ConcurrentHashMap<>();
    private final Map<String, String> compatibility = new ConcurrentHashMap<>();

    FakeSchemaRegistry(int firstId) throws IOException {
        this.nextId = new AtomicInteger(firstId);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    FakeSchemaRegistry() throws IOException {
        this(1);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A loopback URL nothing listens on (the port was free a moment ago). */
    static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    List<Request> requests() {
        return requests;
    }

    long count(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .count();
    }

    /** The next request gets this answer instead of the normal one. */
    FakeSchemaRegistry answerOnce(int status, String body) {
        canned.add(new Canned(status, body));
        return this;
    }

    /** Every request gets this answer. */
    FakeSchemaRegistry answerAlways(int status, String body) {
        always = new Canned(status, body);
        return this;
    }

    /** Registers directly, as another producer would have. */
    int register(String subject, String schema) {
        int id = idsBySchema.computeIfAbsent(schema, s -> nextId.getAndIncrement());
        schemasById.put(id, schema);
        List<Integer> list = versions.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>());
        if (!list.contains(id)) {
            list.add(id);
        }
        return id;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        requests.add(new Request(
                method,
                exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        Canned answer = canned.poll();
        if (answer == null) {
            answer = always != null ? always : route(method, path, body);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Canned route(String method, String path, String body) throws IOException {
        Matcher m;
        if (method.equals("POST") && (m = VERSIONS.matcher(path)).matches()) {
            return ok(Map.of(
                    "id", register(m.group(1), JSON.readTree(body).get("schema").asText())));
        }
        if (method.equals("GET") && (m = LATEST.matcher(path)).matches()) {
            List<Integer> list = versions.get(m.group(1));
            if (list == null) {
                return error(404, 40401, "Subject '" + m.group(1) + "' not found.");
            }
            int id = list.get(list.size() - 1);
            return ok(Map.of("subject", m.group(1), "version", list.size(), "id", id, "schema", schemasById.get(id)));
        }
        if (method.equals("POST") && (m = SUBJECT.matcher(path)).matches()) {
            List<Integer> list = versions.get(m.group(1));
            Integer id = idsBySchema.get(JSON.readTree(body).get("schema").asText());
            if (list == null) {
                return error(404, 40401, "Subject '" + m.group(1) + "' not found.");
            }
            if (id == null || !list.contains(id)) {
                return error(404, 40403, "Schema not found");
            }
            return ok(Map.of("subject", m.group(1), "version", list.indexOf(id) + 1, "id", id));
        }
        if (method.equals("GET") && (m = BY_ID.matcher(path)).matches()) {
            String schema = schemasById.get(Integer.parseInt(m.group(1)));
            return schema == null
                    ? error(404, 40403, "Schema " + m.group(1) + " not found")
                    : ok(Map.of("schema", schema));
        }
        if (method.equals("POST") && (m = COMPATIBILITY.matcher(path)).matches()) {
            return ok(Map.of("is_compatible", true));
        }
        if (method.equals("PUT") && (m = CONFIG.matcher(path)).matches()) {
            String level = JSON.readTree(body).get("compatibility").asText();
            compatibility.put(m.group(1), level);
            return ok(Map.of("compatibility", level));
        }
        if (method.equals("GET") && (m = CONFIG.matcher(path)).matches()) {
            return ok(Map.of("compatibilityLevel", compatibility.getOrDefault(m.group(1), "BACKWARD")));
        }
        return error(404, 404, "HTTP 404 Not Found");
    }

    private static Canned ok(Map<String, ?> body) throws IOException {
        return new Canned(200, JSON.writeValueAsString(body));
    }

    static Canned error(int status, int errorCode, String message) throws IOException {
        return new Canned(status, JSON.writeValueAsString(Map.of("error_code", errorCode, "message", message)));
    }

    static String errorBody(int errorCode, String message) {
        try {
            return JSON.writeValueAsString(Map.of("error_code", errorCode, "message", message));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode lastBody() throws IOException {
        return JSON.readTree(requests.get(requests.size() - 1).body());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
