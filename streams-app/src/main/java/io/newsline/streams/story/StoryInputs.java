package io.newsline.streams.story;

import io.newsline.article.story.StoryInput;
import io.newsline.avro.DateSource;
import io.newsline.avro.EnrichedArticle;

/** The clustering input of a published enriched article: the same fields enrichment produced. */
final class StoryInputs {
    private StoryInputs() {}

    static StoryInput of(EnrichedArticle article) {
        return new StoryInput(
                article.getArticleId(),
                article.getPublishedAt().toEpochMilli(),
                article.getDateSource() == DateSource.TEXT,
                article.getTitle(),
                article.getEntities().stream()
                        .map(e -> new StoryInput.Entity(
                                e.getId(), e.getName(), e.getType().name(), e.getMentions()))
                        .toList(),
                article.getKeywords().stream()
                        .map(k -> new StoryInput.Keyword(k.getTerm(), k.getScore()))
                        .toList(),
                article.getBodyParagraphs());
    }
}
