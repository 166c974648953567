package io.newsline.eval;

import java.util.Locale;

/**
 * Precision, recall and F1 of one field over many articles. Set-valued fields (bylines, entities,
 * topics) add true positives, false positives and false negatives per item (micro average); text fields
 * (body, summary) add one word-overlap score per article and report the mean (macro average); single
 * values (title, date, language) count an exact match as a true positive, a wrong value as a false
 * positive and a false negative, and a missing value as a false negative, so for them precision is the
 * accuracy of what was given and recall the accuracy over all labelled articles.
 */
public final class FieldScore {
    private final String field;
    private long tp;
    private long fp;
    private long fn;
    private int articles;
    private double sumP;
    private double sumR;
    private double sumF;
    private int macro;
    // The html-gold benchmark's averaging (ShingleOverlap): precision over pages with an extraction.
    private double benchP;
    private int benchPages;
    private double benchR;
    private int benchRecallPages;
    private int exact;
    private boolean benchmark;
    private boolean singleValued;
    /** Counts were also added directly (a set-valued item, or the dek's "none expected"): no accuracy. */
    private boolean counted;

    public FieldScore(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Articles that had a label for this field. */
    public int articles() {
        return articles;
    }

    void add(long truePositives, long falsePositives, long falseNegatives) {
        counted = true;
        addCounts(truePositives, falsePositives, falseNegatives);
    }

    private void addCounts(long truePositives, long falsePositives, long falseNegatives) {
        tp += truePositives;
        fp += falsePositives;
        fn += falseNegatives;
        articles++;
    }

    void addSingle(boolean given, boolean correct) {
        singleValued = true;
        if (correct) {
            addCounts(1, 0, 0);
        } else if (given) {
            addCounts(0, 1, 1);
        } else {
            addCounts(0, 0, 1);
        }
    }

    void addOverlap(WordOverlap.Counts c) {
        sumP += c.precision();
        sumR += c.recall();
        sumF += c.f1();
        macro++;
        articles++;
    }

    /**
     * One page of the html-gold benchmark's score: the page's precision counts only when something was
     * extracted, its recall only when something was expected, and F1 is taken from the two averages.
     */
    void addShingles(ShingleOverlap.Counts c) {
        benchmark = true;
        articles++;
        if (c.tp() + c.fp() > 0) {
            benchP += c.precision();
            benchPages++;
        }
        if (c.tp() + c.fn() > 0) {
            benchR += c.recall();
            benchRecallPages++;
        }
        if (c.exact()) {
            exact++;
        }
    }

    public double precision() {
        if (benchmark) {
            return benchPages == 0 ? 0 : benchP / benchPages;
        }
        if (macro > 0) {
            return sumP / macro;
        }
        return tp + fp == 0 ? (fn == 0 ? 1 : 0) : (double) tp / (tp + fp);
    }

    public double recall() {
        if (benchmark) {
            return benchRecallPages == 0 ? 0 : benchR / benchRecallPages;
        }
        if (macro > 0) {
            return sumR / macro;
        }
        return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    public double f1() {
        if (benchmark) {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        if (macro > 0) {
            return sumF / macro;
        }
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The accuracy of a single-valued field: exact matches over labelled articles. */
    public double accuracy() {
        if (benchmark) {
            return articles == 0 ? 1 : (double) exact / articles;
        }
        return articles == 0 ? 1 : (double) tp / articles;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%-17s n=%4d  P=%.3f  R=%.3f  F1=%.3f%s",
                field,
                articles,
                precision(),
                recall(),
                f1(),
                benchmark || (singleValued && !counted)
                        ? String.format(Locale.ROOT, "  accuracy=%.3f", accuracy())
                        : "");
    }
}
