package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void padsEveryColumnToItsWidestCell() {
        String table = new MarkdownTable(List.of("figure", "value"))
                .row("throughput", "152")
                .row("CPU", "7.10 ms")
                .render();

        assertThat(table)
                .isEqualTo("| figure     | value   |\n"
                        + "| ---------- | ------- |\n"
                        + "| throughput | 152     |\n"
                        + "| CPU        | 7.10 ms |\n");
    }

    @Test
    void missingCellsAreEmptyAndShortColumnsGetThreeDashes() {
        String table = new MarkdownTable(List.of("a", "b")).row("x").render();

        assertThat(table).isEqualTo("| a   | b   |\n| --- | --- |\n| x   |     |\n");
    }

    @Test
    void pipesAndLineBreaksInCellsDoNotBreakTheLayout() {
        String table =
                new MarkdownTable(List.of("key")).row("topic|article\nid").render();

        assertThat(table.lines().toList()).hasSize(3);
        assertThat(table).contains("| topic\\|article id |");
    }

    @Test
    void refusesRowsWiderThanTheTable() {
        MarkdownTable table = new MarkdownTable(List.of("one"));

        assertThatThrownBy(() -> table.row("a", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 cells");
    }
}
