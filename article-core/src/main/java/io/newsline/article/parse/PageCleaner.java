package io.newsline.article.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes from a page, before any extractor looks at it, what a reader never reads as the article: elements
 * the page hides ({@code hidden}, {@code display:none}, {@code visibility:hidden}, {@code aria-hidden},
 * screen-reader-only classes), figures and their captions and photo credits, galleries, embedded media and
 * form controls, and page chrome named by its class or id (share bars, newsletter boxes, related and
 * recommended links, comments, breadcrumbs, tag lists, author boxes, ads). Readability keeps captions and
 * hidden metadata spans when they sit inside the article's container; this is what made most of the
 * precision lost on html-gold.
 *
 * <p>An element named like chrome is kept when it holds at least {@value #MAX_REMOVED_SHARE} of the page's
 * text (a site that puts {@code class="post share-enabled"} on the article container must not lose it).
 * One iterative pass of jsoup's {@link NodeTraversor}; a removed subtree is not visited, and the text of a
 * candidate is measured once, so the cost is bounded by the page's node count times its bounded depth.
 */
final class PageCleaner {
    /** A chrome-named element holding this share of the page's text or more is kept. */
    static final double MAX_REMOVED_SHARE = 0.4;

    private static final Set<String> REMOVED_TAGS = Set.of(
            "figure",
            "figcaption",
            "picture",
            "video",
            "audio",
            "iframe",
            "object",
            "embed",
            "template",
            "button",
            "select",
            "input",
            "textarea",
            "dialog");
    private static final Set<String> NEVER_REMOVED = Set.of("html", "body", "main", "article");
    private static final Pattern HIDDEN_STYLE =
            Pattern.compile("(?:display\\s*:\\s*none|visibility\\s*:\\s*hidden)", Pattern.CASE_INSENSITIVE);
    /**
     * One class token or an id naming chrome: a chrome word, optionally after one prefix word and before one
     * suffix word ({@code share}, {@code social-share}, {@code related-links}, {@code inline-related}), but
     * not deeper inside a compound ({@code entry-content-read-more}, {@code field-label-hidden}, {@code
     * modal-enabled} are not chrome).
     */
    private static final Pattern CHROME_TOKEN = Pattern.compile(
            "(?:[a-z0-9]+[-_])?(?:captions?|credits?|photo-?credits?|gallery|slideshow|carousel|share|sharing|social"
                    + "|sharebar|share-?tools|newsletter|subscribe|subscription|signup|related|recommended|recirc"
                    + "|comments?|disqus|breadcrumbs?|tags|taglist|author-?bio|about-?the-?author|advert|advertisement"
                    + "|ads|ad-?slot|promo|sponsored|outbrain|taboola|popular|most-?read|trending|read-?more|more-?on"
                    + "|toolbar|print-?only|cookie|consent|popup)"
                    + "(?:[-_](?:bar|box|links?|list|tools?|buttons?|container|wrapper|wrap|module|widget|block|section"
                    + "|area|stories|articles|posts|items?|icons?|rail|slider|strip|panel))?",
            Pattern.CASE_INSENSITIVE);
    /** Class tokens that hide an element on every screen (not {@code hidden-xs}: that is one screen size). */
    private static final Set<String> HIDDEN_CLASSES = Set.of(
            "hidden",
            "hide",
            "sr-only",
            "visually-hidden",
            "visuallyhidden",
            "screen-reader-text",
            "screenreader-only",
            "d-none",
            "is-hidden",
            "u-hidden",
            "offscreen");

    private static final int MAX_NAME_CHARS = 200;

    private PageCleaner() {}

    /** Removes the elements described above from {@code root}'s subtree; returns how many were removed. */
    static int clean(Element root) {
        int total = Math.max(1, root.text().length());
        List<Element> removed = new ArrayList<>();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (!(node instanceof Element el) || node == root) {
                            return FilterResult.CONTINUE;
                        }
                        String tag = el.normalName();
                        if (NEVER_REMOVED.contains(tag)) {
                            return FilterResult.CONTINUE;
                        }
                        if (REMOVED_TAGS.contains(tag) || hidden(el) || (chromeNamed(el) && small(el, total))) {
                            removed.add(el);
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        return FilterResult.CONTINUE;
                    }
                },
                root);
        for (Element el : removed) {
            el.remove();
        }
        return removed.size();
    }

    static boolean hidden(Element el) {
        if (el.hasAttr("hidden") || "true".equalsIgnoreCase(el.attr("aria-hidden"))) {
            return true;
        }
        String cls = el.className();
        if (!cls.isEmpty() && cls.length() <= MAX_NAME_CHARS) {
            for (String token : cls.split("\\s+")) {
                if (HIDDEN_CLASSES.contains(token.toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
        }
        String style = el.attr("style");
        return !style.isEmpty()
                && style.length() <= MAX_NAME_CHARS
                && HIDDEN_STYLE.matcher(style).find();
    }

    static boolean chromeNamed(Element el) {
        String cls = el.className();
        if (!cls.isEmpty() && cls.length() <= MAX_NAME_CHARS) {
            for (String token : cls.split("\\s+")) {
                if (CHROME_TOKEN.matcher(token).matches()) {
                    return true;
                }
            }
        }
        String id = el.id();
        return !id.isEmpty()
                && id.length() <= MAX_NAME_CHARS
                && CHROME_TOKEN.matcher(id).matches();
    }

    private static boolean small(Element el, int total) {
        return el.text().length() < total * MAX_REMOVED_SHARE;
    }
}
