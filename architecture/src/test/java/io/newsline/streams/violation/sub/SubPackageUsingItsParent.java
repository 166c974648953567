package io.newsline.streams.violation.sub;

import io.newsline.streams.violation.StreamsStageUsingEval;

/** Breaks the rules on purpose, for {@code ArchitectureRulesFailTest} only: a cycle between two packages. */
public final class SubPackageUsingItsParent {
    StreamsStageUsingEval parent;
}
