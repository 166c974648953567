package io.newsline.article.parse;

import java.util.Locale;

/**
 * The order of day and month in an all-numeric date ({@code 03/09/2025}), which the digits alone do not
 * tell. The rule, applied per date in this order:
 *
 * <ol>
 *   <li>a part above 12 can only be the day ({@code 11/14/2019}, {@code 13.11.2019});
 *   <li>a North American time zone printed with the date ({@code ET}, {@code PST}, ...) means month first, any
 *       other printed zone ({@code BST}, {@code CET}, {@code IST}, {@code +02:00}) day first;
 *   <li>the document's locale when it has one ({@link #forLocale}): the United States and the few other
 *       month-first locales ({@code en-US}, {@code en-PH}, {@code en-CA} in print is mixed and stays
 *       unknown) mean month first; any other locale with a country or a non-English language, day first;
 *   <li>dots as separators ({@code 03.09.2025}) mean day first (the German, Russian, Scandinavian style; the
 *       US writes dots only with a day above 12 in practice, caught by rule 1);
 *   <li>otherwise day first, the order of most of the world's locales.
 * </ol>
 */
public enum DayMonthOrder {
    DAY_FIRST,
    MONTH_FIRST,
    /** Nothing known about the document: the per-date rules decide, day first in the end. */
    UNKNOWN;

    /**
     * The order a document's language tag ({@code <html lang>}, {@code og:locale}: {@code en-US},
     * {@code pt_BR}, {@code de}) and address ({@code .co.uk}, {@code .com.br}) imply, or {@link #UNKNOWN}.
     */
    public static DayMonthOrder forLocale(String languageTag, String url) {
        if (languageTag != null && !languageTag.isBlank()) {
            String t = languageTag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
            String lang = t.contains("-") ? t.substring(0, t.indexOf('-')) : t;
            String country = t.contains("-") ? t.substring(t.indexOf('-') + 1) : "";
            if (country.equals("us") || country.equals("ph") || country.equals("fm") || country.equals("pw")) {
                return MONTH_FIRST;
            }
            if (!country.isEmpty() && !country.equals("ca")) {
                return DAY_FIRST;
            }
            if (!lang.equals("en") && !lang.isEmpty()) {
                return DAY_FIRST;
            }
        }
        if (url != null) {
            String host = host(url);
            if (host.endsWith(".us") || host.endsWith(".gov") || host.endsWith(".mil")) {
                return MONTH_FIRST;
            }
            int dot = host.lastIndexOf('.');
            String tld = dot < 0 ? "" : host.substring(dot + 1);
            if (tld.length() == 2
                    && !tld.equals("ca")
                    && !tld.equals("io")
                    && !tld.equals("co")
                    && !tld.equals("tv")
                    && !tld.equals("fm")
                    && !tld.equals("ph")) {
                return DAY_FIRST;
            }
        }
        return UNKNOWN;
    }

    private static String host(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            u = u.substring(scheme + 3);
        }
        int end = 0;
        while (end < u.length() && "/?#:".indexOf(u.charAt(end)) < 0) {
            end++;
        }
        return u.substring(0, end);
    }
}
