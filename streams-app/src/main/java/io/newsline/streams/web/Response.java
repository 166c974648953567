package io.newsline.streams.web;

import io.newsline.streams.query.StoredJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";

    static Response json(int status, Object value) {
        return new Response(status, JSON, StoredJson.encode(value), new LinkedHashMap<>());
    }

    static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    Response with(String header, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(header, value);
        return new Response(status, contentType, body, all);
    }
}
