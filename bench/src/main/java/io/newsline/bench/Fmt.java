package io.newsline.bench;

import java.util.Locale;
import java.util.OptionalLong;

/** How the bench writes numbers: thousands separated by commas, a sensible number of decimals, units spelled out. */
final class Fmt {
    private Fmt() {}

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A rate or ratio with 3 significant digits at least: 0.0312, 4.87, 152, 4,100. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,.0f B", bytes);
    }

    static String mebibytes(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%,.0f MiB", bytes.getAsLong() / 1048576.0) : "n/a";
    }

    static String millis(double ms) {
        return Double.isNaN(ms) ? "n/a" : number(ms) + " ms";
    }

    static String ratio(double a, double b) {
        return b > 0 && !Double.isNaN(a) ? number(a / b) : "n/a";
    }
}
