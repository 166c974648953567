package io.newsline.article.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounds on the work the parser does for one article, so that no input can stall a stream thread (see
 * {@code docs/parsing-limits.md}).
 *
 * @param maxChars longest input read, in chars; a longer text or page is cut to its first {@code maxChars}
 *     chars (at a line break for text, before a tag for HTML, when one is near the cut) and the prefix is
 *     parsed. Default 4 Mi chars: the producer's default largest file is 4 MiB, and a UTF-8 file has at
 *     most as many chars as bytes, so anything the default producer sends is read whole
 * @param maxDepth deepest element nesting kept in an HTML page; the content of an element at this depth
 *     is flattened into one paragraph per text block. Default 64 (html-gold's deepest real page: 52)
 * @param maxNodes largest HTML page, in DOM nodes after flattening, given to readability; larger pages
 *     go to the iterative {@link TextDensityExtractor}, and so do pages whose summed node depth exceeds 25
 *     times this. Default 20,000 (html-gold's largest real page: 4,018 nodes); readability's time grows
 *     faster than the page (measured, warm: 14,000 flat links 2.3 s, 27,500 4.6 s, 55,000 17 s)
 * @param maxBodyChars longest body kept, in chars; paragraphs after the one that crosses it are dropped,
 *     which bounds the enrichment work. Default 512 Ki chars, several times the longest long-read
 */
public record ParseLimits(int maxChars, int maxDepth, int maxNodes, int maxBodyChars) {
    public static final int DEFAULT_MAX_CHARS = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 64;
    public static final int DEFAULT_MAX_NODES = 20_000;
    public static final int DEFAULT_MAX_BODY_CHARS = 512 * 1024;

    /** The defaults above. */
    public static final ParseLimits DEFAULTS =
            new ParseLimits(DEFAULT_MAX_CHARS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, DEFAULT_MAX_BODY_CHARS);

    public ParseLimits {
        if (maxChars < 1024) {
            throw new IllegalArgumentException("maxChars must be at least 1024, was " + maxChars);
        }
        if (maxDepth < 8) {
            throw new IllegalArgumentException("maxDepth must be at least 8, was " + maxDepth);
        }
        if (maxNodes < 100) {
            throw new IllegalArgumentException("maxNodes must be at least 100, was " + maxNodes);
        }
        if (maxBodyChars < 1024) {
            throw new IllegalArgumentException("maxBodyChars must be at least 1024, was " + maxBodyChars);
        }
    }

    /**
     * The first {@code maxChars} chars of {@code text}, cut after the last {@code boundary} char in the last
     * 64 Ki chars before the limit when there is one (so a line or tag is not split), never inside a
     * surrogate pair; {@code text} itself when it is short enough. For a {@code '<'} boundary the cut is
     * before it.
     */
    String prefix(String text, char boundary) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = maxChars;
        int b = text.lastIndexOf(boundary, cut - 1);
        if (b > 0 && b >= cut - 65_536) {
            cut = boundary == '<' ? b : b + 1;
        }
        if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut);
    }

    /**
     * {@code paragraphs} while their total length stays within {@link #maxBodyChars}; the paragraph that
     * would cross it is cut at the last space before the limit (or at the limit), later ones are dropped.
     */
    List<String> boundBody(List<String> paragraphs) {
        long total = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            if (total + p.length() > maxBodyChars) {
                List<String> out = new ArrayList<>(paragraphs.subList(0, i));
                int room = (int) (maxBodyChars - total);
                if (room > 0) {
                    if (Character.isHighSurrogate(p.charAt(room - 1))) {
                        room--;
                    }
                    String head = p.substring(0, room);
                    int space = head.lastIndexOf(' ');
                    if (space > room / 2) {
                        head = head.substring(0, space);
                    }
                    head = head.strip();
                    if (!head.isEmpty()) {
                        out.add(head);
                    }
                }
                return out;
            }
            total += p.length();
        }
        return paragraphs;
    }
}
