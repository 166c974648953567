package io.newsline.streams.web;

import io.newsline.avro.TopicKind;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A GET request: its path, its decoded query parameters (the first of each name) and the validation of both. */
final class Request {
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._\\-]{0,199}");
    private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9._\\-]{1,200}");
    private static final int MAX_QUERY_CHARS = 100;

    final String path;
    final String rawQuery;
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, String> headers;

    Request(URI uri, Map<String, String> headers) {
        this.path = uri.getRawPath();
        this.rawQuery = uri.getRawQuery();
        this.headers = headers;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.putIfAbsent(name, value);
            }
        }
    }

    /** The path and query, as forwarded to another instance. */
    String pathAndQuery() {
        return rawQuery == null ? path : path + "?" + rawQuery;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    int limit(String name, int fallback, int max) {
        String raw = params.get(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number from 1 to " + max + ", not '" + raw + "'");
        }
        if (value < 1 || value > max) {
            throw ApiException.badRequest(name + " must be from 1 to " + max + ": " + value);
        }
        return value;
    }

    /** A date ({@code 2025-05-13}: the start of that day, or its end for an upper bound) or an ISO instant. */
    Long date(String name, boolean endOfDay) {
        String raw = params.get(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                return endOfDay
                        ? day.plusDays(1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()
                                        .toEpochMilli()
                                - 1
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(raw).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    name + " must be a date (2025-05-13) or an ISO instant (2025-05-13T10:00:00Z), not '" + raw + "'");
        }
    }

    TopicKind kind() {
        String raw = params.get("kind");
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return TopicKind.valueOf(raw.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "kind must be one of person, organization, place, subject, story, not '" + raw + "'");
        }
    }

    String query() {
        String raw = params.getOrDefault("q", "");
        if (raw.length() > MAX_QUERY_CHARS) {
            throw ApiException.badRequest("q must be at most " + MAX_QUERY_CHARS + " characters");
        }
        return raw;
    }

    String order() {
        String raw = params.getOrDefault("order", "newest");
        if (!raw.equals("newest") && !raw.equals("oldest")) {
            throw ApiException.badRequest("order must be newest or oldest, not '" + raw + "'");
        }
        return raw;
    }

    static String topicId(String segment) {
        String id = decode(segment);
        if (!SLUG.matcher(id).matches()) {
            throw ApiException.badRequest("not a topic id (a slug such as benjamin-netanyahu): '" + shorten(id) + "'");
        }
        return id;
    }

    static String articleId(String segment) {
        String id = decode(segment);
        if (!ARTICLE_ID.matcher(id).matches()) {
            throw ApiException.badRequest("not an article id (the hex SHA-256 of the file): '" + shorten(id) + "'");
        }
        return id;
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed percent-encoding");
        }
    }
}
