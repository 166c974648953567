package io.newsline.streams.violation;

import io.newsline.article.violation.ArticleLogicUsingKafka;
import io.newsline.eval.EvalCommand;
import io.newsline.streams.violation.sub.SubPackageUsingItsParent;

/**
 * Breaks the rules on purpose, for {@code ArchitectureRulesFailTest} only: a streams stage that uses an offline tool,
 * is used by article logic, and uses a package that uses it back.
 */
public final class StreamsStageUsingEval {
    ArticleLogicUsingKafka article;
    EvalCommand tool;
    SubPackageUsingItsParent child;
}
