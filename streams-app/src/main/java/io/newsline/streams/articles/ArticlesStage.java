package io.newsline.streams.articles;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.ParsedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.streams.topics.TypedTopic;
import java.util.Objects;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The article stages of the topology, around deduplication: raw articles are parsed ({@link ParseStep}) on their
 * way in, and the originals deduplication lets through are enriched ({@link EnrichStep}) and published, with a
 * tombstone for each article retracted because it turned out to repeat an earlier one. Stateless.
 */
public final class ArticlesStage {
    private final TypedTopic<String, RawArticle> raw;
    private final TypedTopic<String, EnrichedArticle> enriched;
    private final ParseStep parseStep;
    private final EnrichStep enrichStep;

    public ArticlesStage(
            TypedTopic<String, RawArticle> raw,
            TypedTopic<String, EnrichedArticle> enriched,
            ParseStep parseStep,
            EnrichStep enrichStep) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.enriched = Objects.requireNonNull(enriched, "enriched");
        this.parseStep = Objects.requireNonNull(parseStep, "parseStep");
        this.enrichStep = Objects.requireNonNull(enrichStep, "enrichStep");
    }

    /** Raw articles, keyed by article id, parsed; an article that cannot be parsed is a dead letter. */
    public KStream<String, ParsedArticle> parse(StreamsBuilder builder) {
        return builder.stream(raw.name(), raw.consumed("read-raw-articles"))
                .mapValues(parseStep::parse, Named.as("parse-article"));
    }

    /**
     * The originals enriched, and a null value (a tombstone on the enriched topic) for every retracted article;
     * both are written to the enriched topic and returned, keyed by article id, for the timelines.
     */
    public KStream<String, EnrichedArticle> enrich(
            KStream<String, ParsedArticle> originals, KStream<String, DuplicateNotice> retracted) {
        KStream<String, EnrichedArticle> retractions =
                retracted.mapValues(notice -> (EnrichedArticle) null, Named.as("retraction"));
        KStream<String, EnrichedArticle> articles = originals
                .mapValues(enrichStep::enrich, Named.as("enrich-article"))
                .merge(retractions, Named.as("merge-retractions"));
        articles.to(enriched.name(), enriched.produced("write-enriched-articles"));
        return articles;
    }
}
