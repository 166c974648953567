package io.newsline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} fails on classes written to break it (the {@code violation} packages of
 * this module's tests), naming the offending class: a rule that passes on the real code is known to be able to fail.
 */
class ArchitectureRulesFailTest {
    private static JavaClasses violations;

    @BeforeAll
    static void importViolations() {
        // With eval's real classes: a layer rule looks only at accesses between classes it has imported.
        violations = new ClassFileImporter()
                .importPackages("io.newsline.article.violation", "io.newsline.streams.violation", "io.newsline.eval");
    }

    @Test
    void cycleBetweenModulesIsFound() {
        assertViolated(ArchitectureRules.NO_CYCLES_BETWEEN_MODULES, "io.newsline.article -> ");
    }

    @Test
    void cycleBetweenPackagesOfOneModuleIsFound() {
        assertViolated(ArchitectureRules.NO_CYCLES_BETWEEN_PACKAGES, "io.newsline.streams.violation.sub -> ");
    }

    @Test
    void kafkaInArticleCoreIsFound() {
        assertViolated(ArchitectureRules.ARTICLE_CORE_KNOWS_NO_KAFKA, "org.apache.kafka.common.TopicPartition");
    }

    @Test
    void streamsInArticleCoreIsFound() {
        assertViolated(
                ArchitectureRules.ARTICLE_CORE_USES_NO_OTHER_MODULE,
                "io.newsline.streams.violation.StreamsStageUsingEval");
    }

    @Test
    void evalOutsideTheCliIsFound() {
        assertViolated(ArchitectureRules.ONLY_CLI_USES_EVAL, "io.newsline.eval.EvalCommand");
    }

    @Test
    void upwardDependencyBetweenModulesIsFound() {
        assertViolated(ArchitectureRules.MODULE_LAYERS, "io.newsline.eval.EvalCommand");
        assertViolated(ArchitectureRules.MODULE_LAYERS, "io.newsline.streams.violation.StreamsStageUsingEval");
    }

    private static void assertViolated(ArchRule rule, String named) {
        EvaluationResult result = rule.evaluate(violations);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(named);
    }
}
