package io.newsline.cli;

import io.newsline.local.LocalService;
import io.newsline.local.LocalStack;
import io.newsline.streams.TopicProvisioner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsline local up|down|status}: a Kafka broker and a schema registry in the background. */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a Kafka broker and a schema registry in the background: local up|down|status.",
            "",
            "A single-node Kafka broker (KRaft, Kafka's own server) and a schema registry (Apicurio Registry,"
                    + " Confluent API) on 127.0.0.1, for running `produce`, `stream` and `timelines` by hand. PID"
                    + " files, logs and data are under DATA-DIR/local; data is kept across down and up."
        },
        subcommands = {LocalCommand.Up.class, LocalCommand.Down.class, LocalCommand.Status.class})
public final class LocalCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Where the stack keeps its PID files, logs and data: DATA-DIR/local. */
    static Path stackDir(DataDirOption dataDir) {
        return dataDir.resolve("local");
    }

    @Command(
            name = "up",
            mixinStandardHelpOptions = true,
            description = "Start both (if not running) and create the topics.")
    static final class Up implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;

        @Option(
                names = "--kafka-port",
                paramLabel = "PORT",
                defaultValue = "9092",
                description = "Broker port (default: ${DEFAULT-VALUE}).")
        int kafkaPort;

        @Option(
                names = "--controller-port",
                paramLabel = "PORT",
                defaultValue = "9093",
                description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
        int controllerPort;

        @Option(
                names = "--registry-port",
                paramLabel = "PORT",
                defaultValue = "8081",
                description = "Schema registry port (default: ${DEFAULT-VALUE}).")
        int registryPort;

        @Option(
                names = "--partitions",
                paramLabel = "N",
                defaultValue = "6",
                description = "Partitions of each Newsline topic it creates (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            LocalStack running = LocalStack.existing(stackDir(dataDir));
            LocalStack stack;
            List<LocalService> toStart;
            if (running.status().stream().anyMatch(LocalStack.ServiceStatus::running)) {
                // Keep what runs on its ports; start only what is missing.
                stack = running;
                toStart = running.status().stream()
                        .filter(s -> !s.running())
                        .map(LocalStack.ServiceStatus::service)
                        .toList();
            } else {
                stack = LocalStack.create(stackDir(dataDir), kafkaPort, controllerPort, registryPort, true);
                toStart = stack.services();
            }
            try {
                stack.start(toStart, true, message -> err.println("local: " + message));
                err.println("local: creating the Newsline topics (if missing)");
                try (Admin admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafka().endpoint()))) {
                    new TopicProvisioner(admin, partitions, (short) -1).ensureTopics(TopicProvisioner.topics());
                }
            } catch (RuntimeException e) {
                err.println("local: " + e.getMessage());
                if (e.getMessage() != null && e.getMessage().contains("already in use")) {
                    err.println("local: choose other ports with --kafka-port, --controller-port, --registry-port.");
                }
                return 1;
            }
            printStatus(spec.commandLine().getOut(), stack);
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop both; the data stays.")
    static final class Down implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LocalStack stack = LocalStack.existing(stackDir(dataDir));
            PrintWriter out = spec.commandLine().getOut();
            try {
                List<String> stopped = stack.stop(stack.services(), message -> {});
                out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped " + String.join(", ", stopped) + ".");
                return 0;
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("local: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "What runs, on which ports, with which PIDs; exit status 0 if both run, 3 if not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataDirOption dataDir;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LocalStack stack = LocalStack.existing(stackDir(dataDir));
            return printStatus(spec.commandLine().getOut(), stack) ? 0 : 3;
        }
    }

    /** @return whether both run */
    static boolean printStatus(PrintWriter out, LocalStack stack) {
        boolean all = true;
        for (LocalStack.ServiceStatus status : stack.status()) {
            LocalService service = status.service();
            out.printf(
                    "%-36s %-12s %-42s log %s%n",
                    service.name(),
                    status.process().map(p -> "pid " + p.pid()).orElse("not running"),
                    service.endpoint(),
                    service.logFile());
            all &= status.running();
        }
        if (all) {
            out.println();
            out.println("Use them with:");
            out.println("  export NEWSLINE_BOOTSTRAP_SERVERS=" + stack.kafka().endpoint());
            out.println(
                    "  export NEWSLINE_SCHEMA_REGISTRY_URL=" + stack.registry().endpoint());
        }
        out.flush();
        return all;
    }
}
