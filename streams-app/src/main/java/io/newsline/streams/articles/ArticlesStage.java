package io.newsline.streams.articles;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.streams.avro.ParsedArticle;
import io.newsline.streams.metrics.PipelineTaps;
import io.newsline.streams.topics.TypedTopic;
import java.util.Objects;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The article stages of the topology, around deduplication: raw articles are parsed ({@link ParseStep}) on their
 * way in, and the originals deduplication lets through are enriched ({@link EnrichStep}) and published, with a
 * tombstone for each article retracted because it turned out to repeat an earlier one (published here, or, for
 * the originals, by the story stage once it has given them their story). Stateless.
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
        KStream<String, RawArticle> articles = builder.stream(raw.name(), raw.consumed("read-raw-articles"));
        PipelineTaps.countArticlesIn(articles);
        return articles.mapValues(parseStep::parse, Named.as("parse-article"));
    }

    /** The originals deduplication let through, enriched, keyed by article id. */
    public KStream<String, EnrichedArticle> enrich(KStream<String, ParsedArticle> originals) {
        KStream<String, EnrichedArticle> enrichedOriginals =
                originals.mapValues(enrichStep::enrich, Named.as("enrich-article"));
        PipelineTaps.countEnriched(enrichedOriginals);
        return enrichedOriginals;
    }

    /** A null value (a tombstone on the enriched topic) for every retracted article, keyed by article id. */
    public KStream<String, EnrichedArticle> retractions(KStream<String, DuplicateNotice> retracted) {
        return retracted.mapValues(notice -> (EnrichedArticle) null, Named.as("retraction"));
    }

    /** Writes {@code articles} (keyed by article id; null retracts) to the enriched topic. */
    public void publish(KStream<String, EnrichedArticle> articles) {
        articles.to(enriched.name(), enriched.produced("write-enriched-articles"));
    }
}
