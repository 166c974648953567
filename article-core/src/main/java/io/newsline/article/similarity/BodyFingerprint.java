package io.newsline.article.similarity;

import io.newsline.article.io.Sha256;
import io.newsline.article.parse.ArticleParts;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Content fingerprint for exact-duplicate detection: the lowercase hex SHA-256 of the normalised
 * article <em>body</em>.
 *
 * <p>Only the body paragraphs are hashed. The headline, dek, byline and date are left out on purpose:
 * a re-sent file, a copy under another name, a copy with different headline spacing or even a
 * re-headlined copy of the same story has the same body and therefore the same fingerprint. (Two
 * different stories never share a body, so leaving the headline out costs nothing.) When the body is
 * empty, {@link #of(ArticleParts)} falls back to the headline so that all body-less articles do not
 * collapse onto one fingerprint.
 *
 * <p>Normalisation, in order: Unicode NFKC; lower case (root locale); apostrophes and quotation marks
 * (straight, curly, primes, backticks) removed; every other run of characters that are not letters or
 * digits (dashes, punctuation, symbols, whitespace, paragraph breaks) becomes one space; trimmed. So
 * case, spacing, line wrapping, paragraph splitting, quote style and dash style do not change the
 * fingerprint, while any change of words or numbers does.
 */
public final class BodyFingerprint {

    private BodyFingerprint() {}

    /** Fingerprint of a parsed article's body, or of its headline when the body is empty. */
    public static String of(ArticleParts article) {
        if (article.bodyParagraphs().isEmpty()) {
            return Sha256.hex(normalize(article.title()));
        }
        return of(article.bodyParagraphs());
    }

    /** Fingerprint of a list of body paragraphs. */
    public static String of(List<String> bodyParagraphs) {
        return Sha256.hex(normalize(String.join("\n", bodyParagraphs)));
    }

    /** The normalised text that is hashed; exposed for diagnostics and tests. */
    public static String normalize(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        boolean pendingSpace = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (isQuote(cp)) {
                continue;
            }
            if (Character.isLetterOrDigit(cp) || isCombiningMark(cp)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(cp);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    private static boolean isQuote(int cp) {
        switch (cp) {
            case '\'':
            case '"':
            case '`':
            case 0x00B4: // acute accent used as apostrophe
            case 0x00AB: // «
            case 0x00BB: // »
            case 0x02BC: // modifier letter apostrophe
            case 0x2018:
            case 0x2019:
            case 0x201A:
            case 0x201B:
            case 0x201C:
            case 0x201D:
            case 0x201E:
            case 0x201F:
            case 0x2032: // prime
            case 0x2033:
            case 0x2039:
            case 0x203A:
                return true;
            default:
                return false;
        }
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
