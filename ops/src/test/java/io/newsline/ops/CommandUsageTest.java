package io.newsline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.ops.audit.AuditCommand;
import io.newsline.ops.dlq.DlqCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad usage ends with status 2 and a message that says what to pass; nothing here needs a broker. */
class CommandUsageTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return new CommandLine(command)
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Test
    void dlqListWithoutBrokersSaysWhichSettingToPass() {
        // NEWSLINE_BOOTSTRAP_SERVERS may be set where the tests run; these only hold when it is not.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("NEWSLINE_BOOTSTRAP_SERVERS") == null);

        assertThat(run(new DlqCommand(), "list")).isEqualTo(2);
        assertThat(err.toString())
                .contains("No bootstrap.servers is set: pass --bootstrap-servers HOST:PORT or set"
                        + " NEWSLINE_BOOTSTRAP_SERVERS.");
    }

    @Test
    void auditWithoutRegistrySaysWhichSettingToPass() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("NEWSLINE_SCHEMA_REGISTRY_URL") == null);

        assertThat(run(new AuditCommand(), "--bootstrap-servers", "127.0.0.1:9"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("No schema.registry.url is set: pass --schema-registry-url URL or set"
                        + " NEWSLINE_SCHEMA_REGISTRY_URL.");
    }

    @Test
    void aMalformedSinceIsBadUsage() {
        assertThat(run(new DlqCommand(), "replay", "--bootstrap-servers", "127.0.0.1:9", "--since", "last tuesday"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("error: --since 'last tuesday' is neither a time nor a duration");
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        assertThat(run(new DlqCommand(), "list", "--colour")).isEqualTo(2);
        assertThat(run(new AuditCommand(), "--examples", "many")).isEqualTo(2);
    }

    @Test
    void dlqWithoutSubcommandPrintsItsUsage() {
        assertThat(run(new DlqCommand())).isZero();
        assertThat(err.toString()).contains("list").contains("replay");
    }
}
