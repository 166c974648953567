package io.newsline.streams.query;

import io.newsline.avro.TopicKind;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A topic search: name prefix (of the label, of any word of it, or of the topic id; case and accents ignored) and
 * kind, most entries first, then by id; paged with an opaque cursor (the last result's total and id), so the pages
 * of a merged search over several instances line up.
 */
public record TopicSearch(String prefix, TopicKind kind, int limit, Position after) {
    public static final Comparator<Map<String, Object>> ORDER = Comparator.<Map<String, Object>>comparingLong(
                    topic -> -((Number) topic.get("totalEntries")).longValue())
            .thenComparing(topic -> (String) topic.get("topicId"));

    /** Where the previous page ended. */
    public record Position(long totalEntries, String topicId) {
        public String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((totalEntries + ":" + topicId).getBytes(StandardCharsets.UTF_8));
        }

        /** Null for a cursor that is not one of ours. */
        public static Position decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                return new Position(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return null;
            }
        }

        static Position of(Map<String, Object> topic) {
            return new Position(((Number) topic.get("totalEntries")).longValue(), (String) topic.get("topicId"));
        }
    }

    public TopicSearch {
        prefix = normalize(prefix == null ? "" : prefix.strip());
    }

    public boolean matches(Map<String, Object> topic) {
        if (kind != null && !kind.name().equals(topic.get("kind"))) {
            return false;
        }
        if (after != null
                && ORDER.compare(topic, Map.of("totalEntries", after.totalEntries(), "topicId", after.topicId()))
                        <= 0) {
            return false;
        }
        if (prefix.isEmpty()) {
            return true;
        }
        String label = normalize((String) topic.get("label"));
        if (label.startsWith(prefix) || normalize((String) topic.get("topicId")).startsWith(prefix)) {
            return true;
        }
        for (String word : label.split("[\\s\\-–—'’.,]+")) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The first {@code limit} of some matching topics (from any number of sources), and the next page's cursor. */
    public Map<String, Object> page(List<Map<String, Object>> matching) {
        List<Map<String, Object>> sorted = new ArrayList<>(matching);
        sorted.sort(ORDER);
        boolean more = sorted.size() > limit;
        List<Map<String, Object>> page = more ? sorted.subList(0, limit) : sorted;
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("topics", page);
        result.put("nextCursor", more ? Position.of(page.get(page.size() - 1)).encode() : null);
        return result;
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
    }
}
