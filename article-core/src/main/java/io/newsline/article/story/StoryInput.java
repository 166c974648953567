package io.newsline.article.story;

import io.newsline.article.enrich.Enrichment;
import io.newsline.article.enrich.KeyTerm;
import io.newsline.article.enrich.NamedEntity;
import java.util.List;
import java.util.Objects;

/**
 * What story clustering reads of one enriched article: only what enrichment already computed and the published
 * record carries ({@code EnrichedArticle}), so the offline evaluation and the streams app see the same input.
 *
 * @param articleId the article's id; a story is named after its first article
 * @param publishedAt publication time, epoch milliseconds
 * @param dated whether {@code publishedAt} comes from the article's text; a file or ingest time says when the article
 *     reached us, not when its event happened, so it is no evidence for or against a story (no time rule applies)
 * @param title the headline
 * @param entities named entities, most mentioned first
 * @param keywords TF-IDF key terms, best first (the best scores 1)
 * @param body the clean body paragraphs
 */
public record StoryInput(
        String articleId,
        long publishedAt,
        boolean dated,
        String title,
        List<Entity> entities,
        List<Keyword> keywords,
        List<String> body) {

    /** A named entity: slug id, display name, kind ({@code PERSON}, {@code ORGANIZATION}, {@code LOCATION}, {@code OTHER}). */
    public record Entity(String id, String name, String type, int mentions) {
        public Entity {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** A key term and its score in [0, 1]. */
    public record Keyword(String term, double score) {
        public Keyword {
            Objects.requireNonNull(term, "term");
        }
    }

    public StoryInput {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
        entities = List.copyOf(entities);
        keywords = List.copyOf(keywords);
        body = List.copyOf(body);
    }

    /** The input of an article enriched by {@code io.newsline.article.enrich.ArticleEnricher}. */
    public static StoryInput of(
            String articleId, long publishedAt, boolean dated, String title, List<String> body, Enrichment enrichment) {
        List<Entity> entities =
                enrichment.entities().stream().map(StoryInput::entity).toList();
        List<Keyword> keywords =
                enrichment.keywords().stream().map(StoryInput::keyword).toList();
        return new StoryInput(articleId, publishedAt, dated, title, entities, keywords, body);
    }

    private static Entity entity(NamedEntity e) {
        return new Entity(e.id(), e.name(), e.type().name(), e.mentions());
    }

    private static Keyword keyword(KeyTerm k) {
        return new Keyword(k.term(), k.score());
    }
}
