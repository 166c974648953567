package io.newsline.article.violation;

import io.newsline.streams.violation.StreamsStageUsingEval;
import org.apache.kafka.common.TopicPartition;

/**
 * Breaks the rules on purpose, for {@code ArchitectureRulesFailTest} only: article logic that knows Kafka and a
 * streams stage (which knows it back: a cycle between modules).
 */
public final class ArticleLogicUsingKafka {
    final TopicPartition partition = new TopicPartition("news.articles.raw", 0);
    final StreamsStageUsingEval stage = new StreamsStageUsingEval();
}
