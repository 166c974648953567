package io.newsline.streams.query;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the API (see {@code docs/openapi.yaml}), built from the Avro records. Bounded: an article view
 * keeps at most {@value #BODY_CHARS} characters of body, {@value #MAX_ENTITIES} entities and {@value #MAX_KEYWORDS}
 * keywords, so one stored view stays a few KiB whatever the article.
 */
public final class Views {
    static final int BODY_CHARS = 2_000;
    static final int MAX_ENTITIES = 30;
    static final int MAX_KEYWORDS = 15;

    private Views() {}

    public static Map<String, Object> entry(TimelineEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("articleId", entry.getArticleId());
        json.put("topicId", entry.getTopicId());
        json.put("publishedAt", iso(entry.getPublishedAt()));
        json.put("dateSource", entry.getDateSource().name());
        json.put("title", entry.getTitle());
        json.put("byline", entry.getByline());
        json.put("summary", entry.getSummary());
        json.put("source", entry.getSource());
        json.put("salience", entry.getSalience());
        json.put("alsoReportedBy", List.copyOf(entry.getAlsoReportedBy()));
        return json;
    }

    /** A topic's line in the directory: what a search result and a timeline's header show. */
    public static Map<String, Object> topic(TopicTimeline snapshot) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topicId", snapshot.getTopicId());
        json.put("label", snapshot.getLabel());
        json.put("kind", snapshot.getKind().name());
        json.put("totalEntries", snapshot.getTotalEntries());
        json.put("firstPublishedAt", iso(snapshot.getFirstPublishedAt()));
        json.put("lastPublishedAt", iso(snapshot.getLastPublishedAt()));
        json.put("updatedAt", iso(snapshot.getUpdatedAt()));
        return json;
    }

    public static Map<String, Object> article(EnrichedArticle article) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("articleId", article.getArticleId());
        json.put("title", article.getTitle());
        json.put("dek", article.getDek());
        json.put("bylines", List.copyOf(article.getBylines()));
        json.put("publishedAt", iso(article.getPublishedAt()));
        json.put("dateSource", article.getDateSource().name());
        json.put("language", article.getLanguage());
        json.put("wordCount", article.getWordCount());
        json.put("summary", article.getSummary());
        List<String> body = new ArrayList<>();
        int left = BODY_CHARS;
        for (String paragraph : article.getBodyParagraphs()) {
            if (left <= 0) {
                break;
            }
            body.add(paragraph.length() <= left ? paragraph : paragraph.substring(0, left) + "…");
            left -= paragraph.length();
        }
        json.put("body", body);
        json.put(
                "bodyTruncated",
                left < 0 || body.size() < article.getBodyParagraphs().size());
        List<Map<String, Object>> topics = new ArrayList<>();
        article.getTopics().forEach(topic -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("topicId", topic.getId());
            t.put("label", topic.getLabel());
            t.put("kind", topic.getKind().name());
            topics.add(t);
        });
        json.put("topics", topics);
        List<Map<String, Object>> entities = new ArrayList<>();
        article.getEntities().stream().limit(MAX_ENTITIES).forEach(entity -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", entity.getType().name());
            e.put("name", entity.getName());
            e.put("id", entity.getId());
            e.put("mentions", entity.getMentions());
            entities.add(e);
        });
        json.put("entities", entities);
        List<String> keywords = new ArrayList<>();
        article.getKeywords().stream().limit(MAX_KEYWORDS).forEach(k -> keywords.add(k.getTerm()));
        json.put("keywords", keywords);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("uri", article.getSource().getSourceUri());
        source.put("fileName", article.getSource().getFileName());
        source.put("mediaType", article.getSource().getMediaType());
        source.put("ingestedAt", iso(article.getSource().getIngestedAt()));
        json.put("source", source);
        return json;
    }

    /** One side of a duplicate relation, as stored in {@link QueryStores#DUPLICATES}. */
    public static Map<String, Object> duplicate(DuplicateNotice notice, boolean asOriginal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                asOriginal ? "originalId" : "duplicateId",
                asOriginal ? notice.getOriginalId() : notice.getDuplicateId());
        json.put("kind", notice.getKind().name());
        json.put("similarity", notice.getSimilarity());
        json.put("seenAt", iso(notice.getSeenAt()));
        if (!asOriginal) {
            json.put("source", notice.getDuplicateSource());
            json.put("title", notice.getTitle());
        }
        return json;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
