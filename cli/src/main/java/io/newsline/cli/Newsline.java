package io.newsline.cli;

import io.newsline.producer.ProduceCommand;
import io.newsline.streams.StreamCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one {@code newsline} command: every program of the project is a subcommand of it. */
@Command(
        name = "newsline",
        mixinStandardHelpOptions = true,
        versionProvider = Newsline.Version.class,
        description = "Newsline: news articles in, per-topic timelines out, over Apache Kafka.",
        subcommands = {
            DemoCommand.class,
            ProduceCommand.class,
            StreamCommand.class,
            io.newsline.eval.EvalCommand.class,
            io.newsline.eval.EvalDedupCommand.class,
            io.newsline.eval.EvalStoriesCommand.class,
            TimelinesCommand.class,
            io.newsline.ops.dlq.DlqCommand.class,
            io.newsline.ops.audit.AuditCommand.class,
            LocalCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Newsline implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: show what there is rather than doing nothing silently.
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests execute it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Newsline()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Newsline.class.getPackage().getImplementationVersion();
            return new String[] {"newsline " + (version == null ? "development build" : version)};
        }
    }
}
