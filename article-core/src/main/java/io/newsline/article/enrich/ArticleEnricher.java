package io.newsline.article.enrich;

import io.newsline.article.parse.ArticleParts;
import java.util.List;
import java.util.Objects;

/**
 * Facade for the topology: derives language, word count, entities, keywords, topics and a summary
 * from one parsed article. Thread-safe; create one and reuse it (word lists load once per JVM).
 */
public final class ArticleEnricher {
    private static final int LANGUAGE_SAMPLE_CHARS = 3000;

    private final EntityExtractor entities;
    private final KeywordExtractor keywords;
    private final TopicSelector topics;
    private final LanguageDetector language;
    private final LeadSummarizer summarizer;

    /** The default components: rule-based extraction, OpenNLP language detection, default limits. */
    public ArticleEnricher() {
        this(
                new RuleBasedEntityExtractor(),
                new KeywordExtractor(),
                new TopicSelector(),
                new OpenNlpLanguageDetector(),
                new LeadSummarizer());
    }

    public ArticleEnricher(
            EntityExtractor entities,
            KeywordExtractor keywords,
            TopicSelector topics,
            LanguageDetector language,
            LeadSummarizer summarizer) {
        this.entities = Objects.requireNonNull(entities, "entities");
        this.keywords = Objects.requireNonNull(keywords, "keywords");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.language = Objects.requireNonNull(language, "language");
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
    }

    public Enrichment enrich(ArticleParts article) {
        return enrich(ArticleText.of(article));
    }

    public Enrichment enrich(ArticleText text) {
        String lang = language.detect(languageSample(text));
        List<NamedEntity> found = entities.extract(text);
        List<KeyTerm> terms = keywords.extract(text, lang);
        int words = 0;
        for (int i = 0; i < text.paragraphs().size(); i++) {
            words += text.tokens(i).size();
        }
        return new Enrichment(lang, words, found, terms, topics.select(text, found, terms), summarizer.summarize(text));
    }

    private static String languageSample(ArticleText text) {
        StringBuilder sb = new StringBuilder(LANGUAGE_SAMPLE_CHARS + 200);
        sb.append(text.title()).append('\n');
        if (text.dek() != null) {
            sb.append(text.dek()).append('\n');
        }
        for (String p : text.paragraphs()) {
            if (sb.length() >= LANGUAGE_SAMPLE_CHARS) {
                break;
            }
            sb.append(p).append('\n');
        }
        return sb.toString();
    }
}
