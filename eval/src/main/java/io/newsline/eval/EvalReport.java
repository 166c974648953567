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
    private final Map<String, ShingleOverlap.Counts> pages = new LinkedHashMap<>();
    private final Map<String, String> predictions = new LinkedHashMap<>();
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

    /** The benchmark's per-page shingle counts (html-gold), for {@code --per-page}. */
    public Map<String, ShingleOverlap.Counts> pages() {
        return pages;
    }

    /** The extracted body of every html-gold page, for {@code --predictions}. */
    public Map<String, String> predictions() {
        return predictions;
    }

    void page(String id, ShingleOverlap.Counts counts, String extracted) {
        pages.put(id, counts);
        predictions.put(id, extracted);
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

    /** The benchmark's precision and recall of every page, worst F1 first. */
    public void printPages(PrintStream out) {
        pages.entrySet().stream()
                .sorted(java.util.Comparator.comparingDouble(e -> f1(e.getValue())))
                .forEach(e -> out.printf(
                        Locale.ROOT,
                        "    %s  P=%.3f  R=%.3f  F1=%.3f%n",
                        e.getKey(),
                        e.getValue().precision(),
                        e.getValue().recall(),
                        f1(e.getValue())));
    }

    private static double f1(ShingleOverlap.Counts c) {
        double p = c.precision();
        double r = c.recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
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
