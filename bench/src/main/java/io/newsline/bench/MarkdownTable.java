package io.newsline.bench;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table, columns padded to their widest cell so that it also reads as plain text. */
public final class MarkdownTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(List<String> headers) {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.headers = List.copyOf(headers);
    }

    /** Adds a row; missing trailing cells are empty, extra cells are an error. */
    public MarkdownTable row(String... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells but the table has " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            row.add(i < cells.length && cells[i] != null ? cells[i] : "");
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** The table; a '|' in a cell is escaped and a line break becomes a space, so a cell never breaks the layout. */
    public String render() {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers.stream().map(MarkdownTable::escape).toList());
        rows.forEach(row -> all.add(row.stream().map(MarkdownTable::escape).toList()));
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(Math.max(widths[i], row.get(i).length()), 3);
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, all.get(0), widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        for (List<String> row : all.subList(1, all.size())) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            out.append(' ')
                    .append(cell)
                    .append(" ".repeat(widths[i] - cell.length()))
                    .append(" |");
        }
        out.append('\n');
    }

    static String escape(String cell) {
        return cell.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
    }
}
