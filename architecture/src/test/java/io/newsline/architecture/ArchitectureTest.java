package io.newsline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules ({@link ArchitectureRules}) over the main classes of every module on this module's class
 * path; test classes (which may reach across modules, e.g. to the test kit) are not imported.
 *
 * <p>Plain JUnit tests calling {@code rule.check}, not ArchUnit's own test engine: Surefire's {@code -Dtest} filter
 * would silently select none of the engine's field-based tests.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.newsline");
    }

    @Test
    void importsTheMainClassesOfEveryModule() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            String[] parts = javaClass.getPackageName().split("\\.");
            if (parts.length > 2) {
                packages.add(parts[2]);
            }
        }
        // One package root per module; a missing one would make every rule below pass without looking at it.
        assertThat(packages)
                .containsExactlyInAnyOrder(
                        "avro",
                        "common",
                        "article",
                        "serde",
                        "testkit",
                        "producer",
                        "streams",
                        "eval",
                        "local",
                        "ops",
                        "cli",
                        "bench");
        // Neither tests nor the classes that break the rules on purpose (ArchitectureRulesFailTest's).
        assertThat(classes.stream().map(JavaClass::getName))
                .isNotEmpty()
                .noneMatch(name -> name.endsWith("Test") || name.endsWith("IT") || name.contains(".violation."));
    }

    @Test
    void noCyclesBetweenModules() {
        ArchitectureRules.NO_CYCLES_BETWEEN_MODULES.check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        ArchitectureRules.NO_CYCLES_BETWEEN_PACKAGES.check(classes);
    }

    @Test
    void articleCoreKnowsNoKafkaNorAvro() {
        ArchitectureRules.ARTICLE_CORE_KNOWS_NO_KAFKA.check(classes);
    }

    @Test
    void articleCoreUsesNoOtherModule() {
        ArchitectureRules.ARTICLE_CORE_USES_NO_OTHER_MODULE.check(classes);
    }

    @Test
    void onlyCliUsesEval() {
        ArchitectureRules.ONLY_CLI_USES_EVAL.check(classes);
    }

    @Test
    void modulesDependDownwardOnly() {
        ArchitectureRules.MODULE_LAYERS.check(classes);
    }
}
