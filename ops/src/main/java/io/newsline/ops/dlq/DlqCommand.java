package io.newsline.ops.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.common.ClientSettings;
import io.newsline.common.Topics;
import io.newsline.common.cli.ClientSettingOptions;
import io.newsline.common.cli.KafkaConnectionOptions;
import io.newsline.ops.CommandErrors;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsline dlq list|replay}: the dead letters on {@code news.articles.dlq}. */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the dead letters on news.articles.dlq and replays them to the topic they failed on.",
            "",
            "Dead letters are records the streams app could not process; Kafka Streams wrote them with the reason"
                    + " in __streams.errors.* headers."
        },
        subcommands = {DlqCommand.ListCommand.class, DlqCommand.ReplayCommand.class})
public final class DlqCommand implements Runnable {
    /** Exit status when the cluster cannot be used (no answer, no topic). */
    public static final int COULD_NOT_RUN = 1;
    /** Exit status of {@code replay} when some selected dead letters were refused. */
    public static final int SOME_REFUSED = 3;

    static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    enum Format {
        text,
        json
    }

    /** The options shared by both subcommands: connection, selection, -X. */
    static class Selection {
        @Option(
                names = "--reason",
                paramLabel = "TEXT",
                description = "Only dead letters whose exception class or message contains TEXT (any case).")
        String reason;

        @Option(
                names = "--since",
                paramLabel = "TIME|DURATION",
                description = "Only dead letters from this time on: 2026-12-01T10:00:00Z, 2026-12-01 (UTC), or a"
                        + " duration back from now: PT2H, 30m, 2h, 7d.")
        String since;

        @Option(
                names = "--timeout",
                paramLabel = "SECONDS",
                defaultValue = "60",
                description = "Give up reading the topic after this long (default ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        /** -X KEY=VALUE. */
        @Mixin
        ClientSettingOptions x;

        DeadLetterFilter filter(Clock clock) {
            return new DeadLetterFilter(reason, since == null ? null : Since.parse(since, clock));
        }
    }

    static ClientSettings settings(KafkaConnectionOptions connection, Selection selection) {
        ClientSettings settings = connection.resolve(Map.of(), null, System.getenv(), selection.x.settings());
        connection.requireBootstrapServers(settings);
        return settings;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Lists the dead letters: time, where the record failed (topic/partition/offset), key, value size and"
                        + " the reason (exception and message), then how many there are per reason.",
                "Exit status: 0 listed (also when there are none), 1 the cluster could not be read, 2 bad usage."
            })
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        KafkaConnectionOptions connection;

        @Mixin
        Selection selection;

        @Option(
                names = "--limit",
                paramLabel = "N",
                description = "Print only the N most recent of the selected dead letters (the summary counts all).")
        Integer limit;

        @Option(
                names = "--format",
                paramLabel = "text|json",
                defaultValue = "text",
                description = "text, or json: one JSON object per dead letter and line (the summary goes to stderr).")
        Format format;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return CommandErrors.run(err, connection.bootstrapServers(), null, COULD_NOT_RUN, () -> {
                if (limit != null && limit < 0) {
                    throw new IllegalArgumentException("--limit must be 0 or more: " + limit);
                }
                DeadLetterFilter filter = selection.filter(Clock.systemUTC());
                ClientSettings settings = settings(connection, selection);
                List<DeadLetter> all =
                        DeadLetterReader.readAll(settings.asMap(), Duration.ofSeconds(selection.timeoutSeconds));
                List<DeadLetter> selected = all.stream().filter(filter).toList();
                List<DeadLetter> shown = limit == null || limit >= selected.size()
                        ? selected
                        : selected.subList(selected.size() - limit, selected.size());
                for (DeadLetter deadLetter : shown) {
                    out.println(format == Format.json ? toJson(deadLetter) : toText(deadLetter));
                }
                PrintWriter summaryTo = format == Format.json ? err : out;
                summary(summaryTo, all.size(), selected, shown.size(), filter);
                out.flush();
                return 0;
            });
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = {
                "Sends the selected dead letters back to the topic they failed on (news.articles.raw, or a"
                        + " repartition topic of the streams app), with their key and value bytes unchanged, their"
                        + " headers without __streams.errors.* and with newsline.replayed-from: dlq/<partition>/<offset>.",
                "One transaction (idempotent, acks=all): all are sent or none. An article that meanwhile went through"
                        + " becomes an EXACT duplicate notice, not a second timeline entry.",
                "Exit status: 0 sent (or nothing selected), 1 could not run, 2 bad usage, 3 some dead letters were"
                        + " refused (their source is not a topic the app reads; the others were sent)."
            })
    static final class ReplayCommand implements Callable<Integer> {
        @Mixin
        KafkaConnectionOptions connection;

        @Mixin
        Selection selection;

        @Option(names = "--dry-run", description = "Print what would be sent; send nothing.")
        boolean dryRun;

        @Option(
                names = "--application-id",
                paramLabel = "ID",
                defaultValue = ReplayTargets.DEFAULT_APPLICATION_ID,
                description = "The streams app's application.id, whose repartition topics may be replayed to"
                        + " (default ${DEFAULT-VALUE}).")
        String applicationId;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return CommandErrors.run(err, connection.bootstrapServers(), null, COULD_NOT_RUN, () -> {
                DeadLetterFilter filter = selection.filter(Clock.systemUTC());
                ClientSettings settings = settings(connection, selection);
                Duration timeout = Duration.ofSeconds(selection.timeoutSeconds);
                List<DeadLetter> selected = DeadLetterReader.readAll(settings.asMap(), timeout).stream()
                        .filter(filter)
                        .toList();
                ReplayTargets targets = new ReplayTargets(applicationId);
                List<DeadLetterReplayer.Planned> plan = new ArrayList<>();
                List<String> refused = new ArrayList<>();
                for (DeadLetter deadLetter : selected) {
                    try {
                        plan.add(new DeadLetterReplayer.Planned(deadLetter, targets.targetOf(deadLetter)));
                    } catch (ReplayTargets.Refused e) {
                        refused.add(e.getMessage());
                    }
                }
                refused.forEach(reason -> err.println("refused: " + reason));
                if (dryRun) {
                    for (DeadLetterReplayer.Planned planned : plan) {
                        out.println("would send " + describe(planned.deadLetter()) + " to " + planned.topic());
                    }
                    out.printf(
                            "Dry run: %d of %d selected dead letters would be sent, %d refused; nothing was sent.%n",
                            plan.size(), selected.size(), refused.size());
                } else {
                    List<DeadLetterReplayer.Sent> sent = DeadLetterReplayer.send(settings.asMap(), plan, timeout);
                    for (DeadLetterReplayer.Sent one : sent) {
                        out.println("sent " + describe(one.deadLetter()) + " to " + one.topic() + "/" + one.partition()
                                + "/" + one.offset());
                    }
                    out.printf(
                            "Replayed: %d of %d selected dead letters, %d refused.%n",
                            sent.size(), selected.size(), refused.size());
                }
                out.flush();
                return refused.isEmpty() ? 0 : SOME_REFUSED;
            });
        }
    }

    static String describe(DeadLetter deadLetter) {
        return deadLetter.position() + " (key " + deadLetter.keyText() + ", " + deadLetter.valueSize() + " bytes, "
                + deadLetter.shortReason() + ")";
    }

    /** One line: time, dead-letter position, source, key, size, reason. */
    static String toText(DeadLetter deadLetter) {
        String replayed = deadLetter.replayedFrom() == null ? "" : "  (replay of " + deadLetter.replayedFrom() + ")";
        return deadLetter.timestamp() + "  " + deadLetter.position() + "  from " + deadLetter.source() + "  key "
                + deadLetter.keyText() + "  " + deadLetter.valueSize() + " bytes  " + deadLetter.shortReason()
                + replayed;
    }

    static String toJson(DeadLetter deadLetter) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", deadLetter.timestamp().toString());
        json.put("dlqPartition", deadLetter.dlqPartition());
        json.put("dlqOffset", deadLetter.dlqOffset());
        json.put("sourceTopic", deadLetter.sourceTopic());
        OptionalInt partition = deadLetter.sourcePartition();
        OptionalLong offset = deadLetter.sourceOffset();
        json.put("sourcePartition", partition.isPresent() ? partition.getAsInt() : null);
        json.put("sourceOffset", offset.isPresent() ? offset.getAsLong() : null);
        json.put("key", deadLetter.keyText());
        json.put("valueBytes", deadLetter.valueSize());
        json.put("exception", deadLetter.exceptionClass());
        json.put("message", deadLetter.message());
        json.put("replayedFrom", deadLetter.replayedFrom());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void summary(PrintWriter out, int total, List<DeadLetter> selected, int shown, DeadLetterFilter filter) {
        String condition = filter.describe();
        out.printf(
                "Dead letters: %d%s on %s%s%s%n",
                selected.size(),
                condition.isEmpty() ? "" : " of " + total,
                Topics.DEAD_LETTERS,
                condition.isEmpty() ? "" : " (" + condition + ")",
                shown < selected.size() ? "; the latest " + shown + " shown" : "");
        DeadLetterReader.countByReason(selected, DeadLetter::shortReason)
                .forEach((reason, count) -> out.printf("%6d  %s%n", count, reason));
    }
}
