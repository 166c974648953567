package io.newsline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of docs/architecture.md, as values: {@link ArchitectureTest} checks them against the main classes of
 * every module, {@link ArchitectureRulesFailTest} against classes written to break them, so that a rule that could
 * never fail would be noticed.
 */
final class ArchitectureRules {
    private ArchitectureRules() {}

    /** No two modules (io.newsline.article, io.newsline.streams, ...) use each other. */
    static final ArchRule NO_CYCLES_BETWEEN_MODULES = slices().matching("io.newsline.(*)..")
            .namingSlices("io.newsline.$1")
            .should()
            .beFreeOfCycles()
            .because("a module graph with a cycle cannot be built or understood one part at a time");

    /** Nor two packages, at any depth: io.newsline.streams and io.newsline.streams.dedup are two slices here. */
    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching("io.newsline.(**)")
            .namingSlices("io.newsline.$1")
            .should()
            .beFreeOfCycles()
            .because("packages are by feature, and a feature that needs its user back is not one feature");

    /** The article logic is plain Java: parse, enrich, compare and read articles with no broker in sight. */
    static final ArchRule ARTICLE_CORE_KNOWS_NO_KAFKA = noClasses()
            .that()
            .resideInAPackage("io.newsline.article..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.apache.avro..", "io.newsline.avro..", "io.newsline.serde..")
            .because("article-core is pure logic; the Kafka and Avro adapters live in streams-app and producer");

    /** Of the project's own code, the article logic sees only itself: not the pipelines that use it. */
    static final ArchRule ARTICLE_CORE_USES_NO_OTHER_MODULE = noClasses()
            .that()
            .resideInAPackage("io.newsline.article..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.newsline.streams..",
                    "io.newsline.producer..",
                    "io.newsline.eval..",
                    "io.newsline.cli..",
                    "io.newsline.common..",
                    "io.newsline.local..",
                    "io.newsline.ops..",
                    "io.newsline.testkit..",
                    "io.newsline.bench..")
            .because("the streams stages, the producer and the tools depend on article-core, never the reverse");

    /** The offline tools are behind {@code ./newsline eval*} only, never in the streams app's run time. */
    static final ArchRule ONLY_CLI_USES_EVAL = noClasses()
            .that()
            .resideOutsideOfPackages("io.newsline.cli..", "io.newsline.eval..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.newsline.eval..")
            .because("eval holds offline tools: only the cli, which makes them subcommands, may use them");

    /**
     * Who may use whom, module by module: the picture of docs/architecture.md. Only arrows between io.newsline
     * packages count; every module may use the JDK and its libraries.
     */
    static final ArchRule MODULE_LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("schemas")
            .definedBy("io.newsline.avro..")
            .layer("common")
            .definedBy("io.newsline.common..")
            .layer("article-core")
            .definedBy("io.newsline.article..")
            .layer("serde")
            .definedBy("io.newsline.serde..")
            .layer("testkit")
            .definedBy("io.newsline.testkit..")
            .layer("producer")
            .definedBy("io.newsline.producer..")
            .layer("streams-app")
            .definedBy("io.newsline.streams..")
            .layer("eval")
            .definedBy("io.newsline.eval..")
            .layer("local")
            .definedBy("io.newsline.local..")
            .layer("ops")
            .definedBy("io.newsline.ops..")
            .layer("cli")
            .definedBy("io.newsline.cli..")
            .layer("bench")
            .definedBy("io.newsline.bench..")
            .whereLayer("article-core")
            .mayOnlyBeAccessedByLayers("producer", "streams-app", "eval", "cli", "bench")
            .whereLayer("testkit")
            .mayNotBeAccessedByAnyLayer() // test infrastructure: main code never runs an in-JVM test cluster
            .whereLayer("producer")
            .mayOnlyBeAccessedByLayers("cli", "bench")
            .whereLayer("streams-app")
            .mayOnlyBeAccessedByLayers("cli", "bench")
            .whereLayer("eval")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("local")
            .mayOnlyBeAccessedByLayers("cli", "bench")
            .whereLayer("ops")
            .mayOnlyBeAccessedByLayers("cli")
            .whereLayer("cli")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("bench")
            .mayNotBeAccessedByAnyLayer()
            .because("modules depend downward only: see the picture in docs/architecture.md");
}
