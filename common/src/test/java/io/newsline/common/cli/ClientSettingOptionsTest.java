package io.newsline.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ClientSettingOptionsTest {
    @Command(name = "client")
    static final class Client implements Runnable {
        @Mixin
        ClientSettingOptions x;

        @Override
        public void run() {}
    }

    private static Client parse(String... args) {
        Client client = new Client();
        new CommandLine(client).parseArgs(args);
        return client;
    }

    @Test
    void pairsInTheOrderGivenTheLastOfAKeyWinning() {
        assertThat(parse("-X", "linger.ms=50", "-X", "acks=1", "-X", "linger.ms=5", "-Xbatch.size=1")
                        .x
                        .settings())
                .containsExactly(
                        java.util.Map.entry("linger.ms", "5"),
                        java.util.Map.entry("acks", "1"),
                        java.util.Map.entry("batch.size", "1"));
    }

    @Test
    void noneGivenIsEmpty() {
        assertThat(parse().x.settings()).isEmpty();
    }

    @Test
    void aPairWithoutEqualsIsAUsageError() {
        assertThatThrownBy(() -> parse("-X", "linger.ms"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("KEY=VALUE");
    }

    @Test
    void aValueMayContainEquals() {
        assertThat(parse("-X", "sasl.jaas.config=a=b").x.settings()).containsEntry("sasl.jaas.config", "a=b");
    }
}
