package io.newsline.ops.audit;

import io.newsline.common.ClientSettings;
import io.newsline.common.cli.ClientSettingOptions;
import io.newsline.common.cli.KafkaConnectionOptions;
import io.newsline.ops.CommandErrors;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsline audit}: checks the pipeline's topics against each other; see {@link PipelineAudit}. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the pipeline's topics against each other: every article on news.articles.raw has as many"
                    + " outcomes (enriched, duplicate notice, dead letter) as raw records; every enriched article is on"
                    + " the timelines of its topics; every snapshot lists each article once and its total matches"
                    + " the live entries.",
            "",
            "Reads committed records, each topic to its end offset at the start. Run it when the pipeline has"
                    + " caught up: what is still on its way counts as missing.",
            "Exit status: 0 clean, 1 violations found, 2 bad usage, 3 could not run (brokers, registry, topics)."
        })
public final class AuditCommand implements Callable<Integer> {
    public static final int CLEAN = 0;
    public static final int VIOLATIONS = 1;
    public static final int COULD_NOT_RUN = 3;

    @Mixin
    KafkaConnectionOptions connection;

    @Option(
            names = "--examples",
            paramLabel = "N",
            defaultValue = "5",
            description = "Examples to print per kind of violation (default ${DEFAULT-VALUE}).")
    int examples;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "Give up reading the topics after this long (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /** -X KEY=VALUE. */
    @Mixin
    ClientSettingOptions x;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CommandErrors.run(
                err, connection.bootstrapServers(), connection.schemaRegistryUrl(), COULD_NOT_RUN, () -> {
                    if (examples < 0) {
                        throw new IllegalArgumentException("--examples must be 0 or more: " + examples);
                    }
                    ClientSettings config = connection.resolve(Map.of(), null, System.getenv(), x.settings());
                    connection.requireConnection(config);
                    AuditResult result = PipelineAudit.run(config.asMap(), Duration.ofSeconds(timeoutSeconds));
                    out.print(result.report(examples));
                    out.flush();
                    return result.clean() ? CLEAN : VIOLATIONS;
                });
    }
}
