package io.newsline.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, with {@link
 * java.net.http.HttpClient} and Jackson. Works with Confluent's registry and with Apicurio's
 * Confluent-compatible API ({@code http://host:port/apis/ccompat/v7}).
 *
 * <p>Caches, for the life of the client: schema to id per subject, and id to parsed schema; entries never
 * change in a registry, so they never expire. Lookups on a miss run without holding any lock, so two threads
 * missing at once may both ask the registry (harmless: the calls are idempotent).
 *
 * <p>Transport: a request goes to the preferred URL first, then the others in order, on a connect error,
 * timeout, HTTP 5xx or 429; after a failed round over all URLs it waits {@value
 * SchemaRegistryConfig#RETRY_BACKOFF_MS} (doubled each round, at most 10 s) and retries, {@value
 * SchemaRegistryConfig#RETRIES} rounds at most, then throws {@link SchemaRegistryUnavailableException}. Other
 * answers are final and mapped to {@link SchemaRegistryException} subtypes.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
    /** The Confluent API's media type, sent as Content-Type. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final long MAX_BACKOFF_MS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);

    /** Waits between retry rounds; replaceable so tests can record the backoff instead of waiting. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private record Endpoint(String base, String authorization) {}

    private final SchemaRegistryConfig config;
    private final List<Endpoint> endpoints;
    private final HttpClient http;
    private final Sleeper sleeper;
    /** Index of the URL to try first: the one after the last that failed, so a dead registry is skipped. */
    private final AtomicInteger preferred = new AtomicInteger();

    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public HttpSchemaRegistryClient(SchemaRegistryConfig config) {
        this(config, Thread::sleep);
    }

    HttpSchemaRegistryClient(SchemaRegistryConfig config, Sleeper sleeper) {
        if (config.urls().isEmpty()) {
            throw new IllegalArgumentException("No " + SchemaRegistryConfig.SCHEMA_REGISTRY_URL + " configured");
        }
        this.config = config;
        this.sleeper = sleeper;
        this.endpoints = config.urls().stream().map(this::endpoint).toList();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with plain-HTTP registries
                .connectTimeout(config.connectTimeout())
                .build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return cachedId(subject, schema, () -> {
            JsonNode answer = call(
                    "POST",
                    "/subjects/" + encode(subject) + "/versions",
                    schemaBody(schema),
                    "registering a schema under subject '" + subject + "'");
            return requiredInt(answer, "id");
        });
    }

    @Override
    public int getId(String subject, Schema schema) {
        return cachedId(subject, schema, () -> {
            JsonNode answer = call(
                    "POST",
                    "/subjects/" + encode(subject),
                    schemaBody(schema),
                    "looking up the schema under subject '" + subject + "'");
            return requiredInt(answer, "id");
        });
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "/schemas/ids/" + id, null, "fetching schema id " + id);
        Schema schema = parse(answer, "schema id " + id);
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        String what = "fetching the latest version of subject '" + subject + "'";
        JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null, what);
        int id = requiredInt(answer, "id");
        Schema schema = parse(answer, "schema id " + id);
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, requiredInt(answer, "version"), id, schema);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        JsonNode answer = call(
                "POST",
                "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                schemaBody(schema),
                "testing compatibility under subject '" + subject + "'");
        return answer.path("is_compatible").asBoolean(false);
    }

    @Override
    public String getCompatibility(String subject) {
        JsonNode answer = call(
                "GET",
                "/config/" + encode(subject) + "?defaultToGlobal=true",
                null,
                "reading the compatibility level of subject '" + subject + "'");
        // Confluent answers GET with "compatibilityLevel"; accept "compatibility" (the PUT spelling) too.
        JsonNode level = answer.hasNonNull("compatibilityLevel")
                ? answer.get("compatibilityLevel")
                : answer.get("compatibility");
        if (level == null) {
            throw new SchemaRegistryException(
                    "Unexpected answer reading the compatibility level of subject '" + subject + "': " + answer,
                    200,
                    SchemaRegistryException.NONE,
                    null);
        }
        return level.asText();
    }

    @Override
    public void updateCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        call(
                "PUT",
                "/config/" + encode(subject),
                body,
                "setting compatibility " + level + " on subject '" + subject + "'");
    }

    // ---- caching -------------------------------------------------------------------------------------------

    private interface IdLookup {
        int fetch();
    }

    private int cachedId(String subject, Schema schema, IdLookup lookup) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        int id = lookup.fetch(); // outside any lock: a slow registry must not block other subjects/schemas
        ids.putIfAbsent(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    private JsonNode call(String method, String path, JsonNode body, String what) {
        List<String> failures = new ArrayList<>();
        int lastStatus = SchemaRegistryException.NONE;
        int lastErrorCode = SchemaRegistryException.NONE;
        Throwable lastCause = null;
        int n = endpoints.size();
        for (int round = 0; round <= config.retries(); round++) {
            if (round > 0) {
                backoff(round, what);
            }
            int start = preferred.get();
            for (int i = 0; i < n; i++) {
                int index = (start + i) % n;
                Endpoint endpoint = endpoints.get(index);
                String url = endpoint.base() + path;
                try {
                    HttpResponse<String> response =
                            http.send(request(endpoint, method, path, body), HttpResponse.BodyHandlers.ofString());
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return readJson(response.body(), what, url);
                    }
                    if (status < 500 && status != 429) {
                        throw error(status, response.body(), what, method, url);
                    }
                    lastStatus = status;
                    lastErrorCode = errorCode(response.body());
                    lastCause = null;
                    failures.add(url + " -> HTTP " + status);
                } catch (IOException e) {
                    lastStatus = SchemaRegistryException.NONE;
                    lastErrorCode = SchemaRegistryException.NONE;
                    lastCause = e;
                    failures.add(url + " -> " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryException(
                            "Interrupted while " + what, SchemaRegistryException.NONE, SchemaRegistryException.NONE, e);
                }
                LOG.debug("Schema registry request failed while {}: {}", what, failures.get(failures.size() - 1));
                preferred.compareAndSet(index, (index + 1) % n);
            }
        }
        String urls = endpoints.stream().map(Endpoint::base).collect(Collectors.joining(", "));
        throw new SchemaRegistryUnavailableException(
                "Schema registry unavailable while " + what + ": no usable answer from " + urls + " in "
                        + (config.retries() + 1) + " round(s); last failures: "
                        + failures.subList(Math.max(0, failures.size() - n), failures.size())
                        + ". Check that " + SchemaRegistryConfig.SCHEMA_REGISTRY_URL
                        + " is right and the registry is running.",
                lastStatus,
                lastErrorCode,
                lastCause);
    }

    private void backoff(int round, String what) {
        long millis = Math.min(MAX_BACKOFF_MS, config.retryBackoffMs() << Math.min(round - 1, 20));
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(
                    "Interrupted while " + what, SchemaRegistryException.NONE, SchemaRegistryException.NONE, e);
        }
    }

    private HttpRequest request(Endpoint endpoint, String method, String path, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.base() + path))
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT);
        if (endpoint.authorization() != null) {
            builder.header("Authorization", endpoint.authorization());
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
    }

    private static SchemaRegistryException error(int status, String body, String what, String method, String url) {
        int code = errorCode(body);
        String registryMessage = body;
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.hasNonNull("message")) {
                registryMessage = json.get("message").asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: show the raw body
        }
        String message = "Schema registry refused " + what + ": HTTP " + status
                + (code == SchemaRegistryException.NONE ? "" : ", error_code " + code) + ": " + registryMessage
                + " (" + method + " " + url + ")";
        if (status == 401 || status == 403) {
            message += ". Check " + SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE + " and "
                    + SchemaRegistryConfig.BASIC_AUTH_USER_INFO + ".";
        }
        if (status == 404 && code / 100 != 404) {
            // Not the registry's "not found" (4040x) but the web server's: the URL does not lead to the API.
            return new SchemaRegistryException(
                    message + ". Check that " + SchemaRegistryConfig.SCHEMA_REGISTRY_URL
                            + " is the Confluent-compatible API's base URL (for Apicurio: .../apis/ccompat/v7).",
                    status,
                    code,
                    null);
        }
        return switch (status) {
            case 404 -> new SchemaNotFoundException(message, status, code, null);
            case 409 -> new IncompatibleSchemaException(message, status, code, null);
            // Confluent's 42202/42203 are a bad version / compatibility level, not a bad schema.
            case 422 ->
                code == 42202 || code == 42203
                        ? new SchemaRegistryException(message, status, code, null)
                        : new InvalidSchemaException(message, status, code, null);
            default -> new SchemaRegistryException(message, status, code, null);
        };
    }

    private static int errorCode(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.path("error_code").canConvertToInt()
                    ? json.get("error_code").asInt()
                    : SchemaRegistryException.NONE;
        } catch (JsonProcessingException e) {
            return SchemaRegistryException.NONE;
        }
    }

    private static JsonNode readJson(String body, String what, String url) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw new IOException("not a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new SchemaRegistryException(
                    "Unexpected answer from " + url + " while " + what + ": " + body,
                    200,
                    SchemaRegistryException.NONE,
                    e);
        }
    }

    private static int requiredInt(JsonNode answer, String field) {
        if (!answer.path(field).canConvertToInt()) {
            throw new SchemaRegistryException(
                    "Registry answer lacks \"" + field + "\": " + answer, 200, SchemaRegistryException.NONE, null);
        }
        return answer.get(field).asInt();
    }

    private static Schema parse(JsonNode answer, String what) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaRegistryException(
                    what + " is a " + type + " schema, not Avro", 200, SchemaRegistryException.NONE, null);
        }
        try {
            return new Schema.Parser().parse(answer.path("schema").asText());
        } catch (RuntimeException e) { // SchemaParseException, or an NPE for unknown type names in Avro 1.12
            throw new SchemaRegistryException(
                    what + " is not a valid Avro schema: " + e.getMessage(), 200, SchemaRegistryException.NONE, e);
        }
    }

    private static ObjectNode schemaBody(Schema schema) {
        // Exactly what Confluent's client sends for Avro: the schema's JSON text, and no schemaType.
        return JSON.createObjectNode().put("schema", schema.toString());
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Endpoint endpoint(URI uri) {
        String userInfo = uri.getUserInfo(); // percent-decoded; '+' stays a plus
        String base;
        try {
            base = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null) + uri.getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Bad registry URL " + uri, e);
        }
        String credentials = null;
        if (config.credentialsSource().equals("USER_INFO")) {
            credentials = config.userInfo();
        } else if (userInfo != null) {
            credentials = userInfo;
        }
        String authorization = credentials == null
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        return new Endpoint(base, authorization);
    }
}
