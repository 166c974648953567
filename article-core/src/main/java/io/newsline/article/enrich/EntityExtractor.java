package io.newsline.article.enrich;

import java.util.List;

/**
 * Finds the named entities of an article. Implementations must be thread-safe and fast enough to run
 * once per article in the stream. v1 is {@link RuleBasedEntityExtractor}; a model-based one can
 * replace it behind this interface.
 */
public interface EntityExtractor {
    /** The entities of the article, most mentioned first, each once (merged by id). */
    List<NamedEntity> extract(ArticleText text);
}
