package io.newsline.article.io;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tells HTML from plain text by the file name's extension or by how the content starts. */
public final class MediaTypes {
    public static final String TEXT_PLAIN = "text/plain";
    public static final String TEXT_HTML = "text/html";

    /**
     * What may come before the first element of an HTML document: whitespace, an XML declaration (XHTML) and
     * comments; then {@code <!doctype html} or an {@code <html} tag.
     */
    private static final Pattern HTML_START = Pattern.compile(
            "\\A(?:\\s|<\\?xml[^>]*>|<!--.*?-->)*+<(?:!doctype\\s+html|html)(?:[\\s>]|\\z)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Enough of the start of a document to get past a long comment or declaration. */
    private static final int SNIFF_CHARS = 4096;

    private MediaTypes() {}

    public static String detect(String fileName, CharSequence text) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return TEXT_HTML;
        }
        // A region rather than a copy of the start: \A and \z match at its bounds just the same.
        return HTML_START
                        .matcher(text)
                        .region(0, Math.min(text.length(), SNIFF_CHARS))
                        .lookingAt()
                ? TEXT_HTML
                : TEXT_PLAIN;
    }
}
