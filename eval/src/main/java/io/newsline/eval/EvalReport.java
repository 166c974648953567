package io.newsline.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Scores per field over one evaluated set, and the mismatches seen (for {@code --verbose}). */
public final class EvalReport {
    private final String name;
    private final Map<String, FieldScore> fields = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private int articles;
    private int failures;

    EvalReport(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    FieldScore field(String field) {
        return fields.computeIfAbsent(field, FieldScore::new);
    }

    /** The score of a field, or {@code null} when no article had a label for it. */
    public FieldScore score(String field) {
        return fields.get(field);
    }

    public Map<String, FieldScore> scores() {
        return fields;
    }

    public int articles() {
        return articles;
    }

    /** Articles that could not be parsed at all. */
    public int failures() {
        return failures;
    }

    public List<String> mismatches() {
        return mismatches;
    }

    void article() {
        articles++;
    }

    void failure(String message) {
        failures++;
        mismatches.add(message);
    }

    void mismatch(String message) {
        if (mismatches.size() < 10_000) {
            mismatches.add(message);
        }
    }

    public void print(PrintStream out, boolean verbose) {
        out.printf(Locale.ROOT, "%s: %d articles, %d unparseable%n", name, articles, failures);
        for (FieldScore s : fields.values()) {
            out.println("  " + s);
        }
        if (verbose) {
            for (String m : mismatches) {
                out.println("    " + m);
            }
        }
    }
}
