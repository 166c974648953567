package io.newsline.streams.articles;

import io.newsline.article.enrich.ArticleEnricher;
import io.newsline.article.enrich.ArticleText;
import io.newsline.article.enrich.ArticleTopic;
import io.newsline.article.enrich.Enrichment;
import io.newsline.article.enrich.KeyTerm;
import io.newsline.article.enrich.NamedEntity;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.Entity;
import io.newsline.avro.EntityType;
import io.newsline.avro.Keyword;
import io.newsline.avro.ParsedArticle;
import io.newsline.avro.Topic;
import io.newsline.avro.TopicKind;
import io.newsline.streams.errors.RecordFailures;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The topology's enrich step: maps a parsed article and its {@link Enrichment} to the published record.
 * Any failure of one article, a {@link StackOverflowError} included, becomes an {@link
 * EnrichmentFailedException} naming the article, its source and what failed, so that the processing
 * exception handler dead-letters it and the partition moves on (an error would kill the stream thread and
 * its replacement would meet the same article again); only errors of the whole JVM ({@link
 * OutOfMemoryError} and the other {@link VirtualMachineError}s) propagate. See {@link RecordFailures}.
 */
public final class EnrichStep {
    private final Function<ArticleText, Enrichment> enricher;

    /** With the default enricher. */
    public EnrichStep() {
        this(new ArticleEnricher());
    }

    public EnrichStep(ArticleEnricher enricher) {
        this(enricher::enrich);
    }

    /** With another enricher (tests make it fail, or give fixed results). */
    public EnrichStep(Function<ArticleText, Enrichment> enricher) {
        this.enricher = Objects.requireNonNull(enricher, "enricher");
    }

    public EnrichedArticle enrich(ParsedArticle article) {
        try {
            return enrichRecord(article, enricher);
        } catch (RuntimeException | Error e) {
            if (RecordFailures.isFatal(e)) {
                throw e;
            }
            String id = article == null ? "(no value)" : article.getArticleId();
            String source = article == null || article.getSource() == null
                    ? "unknown source"
                    : article.getSource().getSourceUri();
            throw new EnrichmentFailedException(
                    "article " + id + " (" + source + "): enrichment failed: " + RecordFailures.describe(e), e);
        }
    }

    private static EnrichedArticle enrichRecord(ParsedArticle article, Function<ArticleText, Enrichment> enricher) {
        Enrichment enrichment =
                enricher.apply(ArticleText.of(article.getTitle(), article.getDek(), article.getBodyParagraphs()));
        return EnrichedArticle.newBuilder()
                .setArticleId(article.getArticleId())
                .setFingerprint(article.getFingerprint())
                .setTitle(article.getTitle())
                .setDek(article.getDek())
                .setBylines(article.getBylines())
                .setPublishedAt(article.getPublishedAt())
                .setDateSource(article.getDateSource())
                .setBodyParagraphs(article.getBodyParagraphs())
                .setLanguage(enrichment.language())
                .setWordCount(enrichment.wordCount())
                .setEntities(entities(enrichment.entities()))
                .setKeywords(keywords(enrichment.keywords()))
                .setTopics(topics(enrichment.topics()))
                .setSummary(enrichment.summary())
                .setSource(article.getSource())
                .build();
    }

    private static List<Entity> entities(List<NamedEntity> entities) {
        return entities.stream()
                .map(entity -> Entity.newBuilder()
                        .setType(EntityType.valueOf(entity.type().name()))
                        .setName(entity.name())
                        .setId(entity.id())
                        .setMentions(entity.mentions())
                        .build())
                .toList();
    }

    private static List<Keyword> keywords(List<KeyTerm> keywords) {
        return keywords.stream()
                .map(keyword -> new Keyword(keyword.term(), keyword.score()))
                .toList();
    }

    private static List<Topic> topics(List<ArticleTopic> topics) {
        return topics.stream()
                .map(topic -> Topic.newBuilder()
                        .setId(topic.id())
                        .setLabel(topic.label())
                        .setKind(TopicKind.valueOf(topic.kind().name()))
                        .setSalience(topic.salience())
                        .build())
                .toList();
    }
}
