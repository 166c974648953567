package io.newsline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected fields of one article (see {@code docs/evaluation.md}). Every field is optional; a field
 * that is absent is not scored. {@code dek} present as JSON {@code null} means "no dek expected".
 */
public record Label(
        String title,
        boolean hasDek,
        String dek,
        List<String> bylines,
        String publishedAt,
        String body,
        String language,
        List<String> entities,
        List<String> topics,
        Instant ingestedAt) {

    static Label of(JsonNode n) {
        return new Label(
                text(n, "title"),
                n.has("dek"),
                text(n, "dek"),
                list(n, "bylines"),
                text(n, "publishedAt"),
                text(n, "body"),
                text(n, "language"),
                list(n, "entities"),
                list(n, "topics"),
                n.hasNonNull("ingestedAt") ? Instant.parse(n.get("ingestedAt").asText()) : null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> list(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }

    /**
     * Whether {@code actual} matches the expected publication time: an expected date alone
     * ({@code 2025-05-13}) matches any time that UTC day; an instant must match to the second.
     */
    static boolean sameTime(String expected, Instant actual) {
        if (actual == null) {
            return false;
        }
        if (expected.length() == 10) {
            return LocalDate.parse(expected)
                    .equals(actual.atZone(ZoneOffset.UTC).toLocalDate());
        }
        return Instant.parse(expected).getEpochSecond() == actual.getEpochSecond();
    }
}
