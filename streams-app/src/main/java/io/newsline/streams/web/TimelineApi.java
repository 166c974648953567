package io.newsline.streams.web;

import io.newsline.streams.query.LocalQueries;
import io.newsline.streams.query.Owners;
import io.newsline.streams.query.StoredJson;
import io.newsline.streams.query.TopicSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The read-only JSON API (see {@code openapi.yaml}). Any instance answers for any key: it finds the owner in Kafka
 * Streams' metadata and answers from its own stores or forwards to the owner; a search asks every instance that
 * holds a part of the topic directory and merges. While Kafka Streams is not RUNNING (starting, rebalancing,
 * restoring) it answers 503 with {@code Retry-After}.
 */
final class TimelineApi {
    static final int MAX_TOPICS = 50;
    static final int MAX_ENTRIES = 100;

    private final Supplier<KafkaStreams> streams;
    private final HostInfo self;
    private final Forwarder forwarder;

    TimelineApi(Supplier<KafkaStreams> streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
        this.forwarder = new Forwarder(self);
    }

    Response handle(Request request) {
        String[] parts = request.path.substring(1).split("/", -1);
        // parts[0] is "api"
        if (parts.length == 2 && parts[1].equals("topics")) {
            return searchTopics(request);
        }
        if (parts.length == 3 && parts[1].equals("topics")) {
            String topicId = Request.topicId(parts[2]);
            int newest = request.limit("entries", 20, MAX_ENTRIES);
            return owned(
                    request,
                    owners().ofTopic(topicId),
                    partition -> queries().topic(topicId, partition, newest),
                    "no timeline for topic '" + topicId + "'");
        }
        if (parts.length == 4 && parts[1].equals("topics") && parts[3].equals("entries")) {
            String topicId = Request.topicId(parts[2]);
            LocalQueries.EntriesQuery query = entriesQuery(request, topicId);
            return owned(
                    request,
                    owners().ofTopic(topicId),
                    partition -> queries().entries(topicId, partition, query),
                    null);
        }
        if (parts.length == 3 && parts[1].equals("articles")) {
            String articleId = Request.articleId(parts[2]);
            return owned(
                    request,
                    owners().ofArticle(articleId),
                    partition -> queries().article(articleId, partition),
                    "no article '" + articleId + "'");
        }
        if (parts.length == 3 && parts[1].equals("duplicates")) {
            String articleId = Request.articleId(parts[2]);
            return owned(
                    request,
                    owners().ofArticle(articleId),
                    partition -> queries().duplicates(articleId, partition),
                    "article '" + articleId + "' neither duplicated nor was duplicated by anything");
        }
        throw ApiException.notFound("no such endpoint: " + request.path + " (see /openapi.yaml)");
    }

    private static LocalQueries.EntriesQuery entriesQuery(Request request, String topicId) {
        Long from = request.date("from", false);
        Long to = request.date("to", true);
        if (from != null && to != null && from > to) {
            throw ApiException.badRequest("from must not be after to");
        }
        String cursor = request.params.get("cursor");
        if (cursor != null && (cursor.isEmpty() || !LocalQueries.isEntriesCursor(topicId, cursor))) {
            throw ApiException.badRequest("cursor is not one this API gave for topic '" + topicId + "'");
        }
        return new LocalQueries.EntriesQuery(
                from,
                to,
                request.limit("limit", 20, MAX_ENTRIES),
                cursor,
                request.order().equals("newest"));
    }

    private Response searchTopics(Request request) {
        String cursor = request.params.get("cursor");
        TopicSearch.Position after = null;
        if (cursor != null) {
            after = TopicSearch.Position.decode(cursor);
            if (after == null) {
                throw ApiException.badRequest("cursor is not one this API gave");
            }
        }
        TopicSearch search =
                new TopicSearch(request.query(), request.kind(), request.limit("limit", 10, MAX_TOPICS), after);
        if ("local".equals(request.header(Forwarder.SCOPE))) {
            return Response.json(200, Map.of("topics", queries().searchTopics(search)))
                    .with(Forwarder.SERVED_BY, hostString(self));
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (HostInfo host : owners().topicHosts()) {
            if (host.equals(self)) {
                found.addAll(queries().searchTopics(search));
            } else {
                Response answer = forwarder.get(host, request.pathAndQuery(), Map.of(Forwarder.SCOPE, "local"));
                if (answer.status() != 200) {
                    throw ApiException.unavailable("instance " + hostString(host) + " could not search its topics ("
                            + answer.status() + "); try again");
                }
                found.addAll(topicsOf(answer.body()));
            }
        }
        return Response.json(200, search.page(found));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> topicsOf(byte[] body) {
        Map<String, Object> json = StoredJson.decode(body);
        return (List<Map<String, Object>>) json.get("topics");
    }

    private Response owned(Request request, Owners.Owner owner, IntFunction<Object> local, String notFound) {
        if (owner.host().equals(self)) {
            Object value = local.apply(owner.partition());
            if (value == null) {
                throw ApiException.notFound(notFound);
            }
            return Response.json(200, value).with(Forwarder.SERVED_BY, hostString(self));
        }
        if (request.header(Forwarder.FORWARDED) != null) {
            // The sender thought this instance owned the key; the metadata is moving.
            throw ApiException.unavailable("the owner of this key is moving (rebalancing)");
        }
        return forwarder.get(owner.host(), request.pathAndQuery(), Map.of());
    }

    private KafkaStreams running() {
        KafkaStreams current = streams.get();
        if (current == null) {
            throw ApiException.unavailable("the streams app is starting");
        }
        KafkaStreams.State state = current.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw ApiException.unavailable("the streams app is " + state + " (rebalancing, restoring or stopping)");
        }
        return current;
    }

    private Owners owners() {
        return new Owners(running());
    }

    private LocalQueries queries() {
        return new LocalQueries(running());
    }

    static String hostString(HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
