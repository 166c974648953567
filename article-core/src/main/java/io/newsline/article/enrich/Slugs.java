package io.newsline.article.enrich;

import io.newsline.article.io.Sha256;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** ArticleTopic and entity ids: lower-case ASCII words joined by single hyphens. */
public final class Slugs {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02BC.]");

    private Slugs() {}

    /**
     * The slug of a name: accents removed (NFKD), lower case, apostrophes and dots dropped ({@code
     * O'Brien} -> {@code obrien}, {@code U.S.} -> {@code us}), any other run of non-alphanumerics one
     * hyphen. A name with no Latin letters or digits gets {@code x-} and eight hex digits of its SHA-256,
     * so the slug is never empty and stays stable.
     */
    public static String slug(String name) {
        String s = Normalizer.normalize(
                name.replace("\u00DF", "ss")
                        .replace("\u00C6", "AE")
                        .replace("\u00E6", "ae")
                        .replace('\u00D8', 'O')
                        .replace('\u00F8', 'o')
                        .replace('\u0141', 'L')
                        .replace('\u0142', 'l'),
                Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = NON_SLUG.matcher(s).replaceAll("-");
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        s = s.substring(start, end);
        return s.isEmpty() ? "x-" + shortHash(name) : s;
    }

    private static String shortHash(String name) {
        return HexFormat.of().formatHex(Sha256.digest(name), 0, 4);
    }
}
