package io.newsline.article.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Picks the headline a reader sees, from the page's visible headings and its metadata titles.
 *
 * <ol>
 *   <li><b>Agreement.</b> The metadata titles (JSON-LD {@code headline}, {@code og:title}, {@code
 *       twitter:title}, {@code dc.title}, {@code <title>}) are compared with the page's {@code <h1>}s, then
 *       its {@code <h2>}s. A heading agrees with a title when, compared without case, punctuation and quotes,
 *       it is the title, or one side of the title around a separator ({@code Opinion | Headline}, {@code
 *       Headline - Site}), or the title is a cut-off start of it. The heading that agrees with the most
 *       titles wins, {@code <h1>} before {@code <h2>}, then document order: it is printed above the article
 *       and confirmed by the publisher's metadata, and has no site or section name.
 *   <li><b>Visible heading.</b> No heading agrees (the page's SEO title is a different wording): the first
 *       {@code <h1>} outside page chrome ({@code header}, {@code nav}, {@code footer}, {@code aside}) that is
 *       not the site's name and has at least {@value #MIN_WORDS} words.
 *   <li><b>Metadata.</b> Otherwise the first metadata title, site and section names removed ({@link
 *       #withoutSiteNames(String, String)}).
 * </ol>
 */
final class HeadlineChooser {
    static final int MIN_WORDS = 3;
    /** A title shorter than this (comparable chars) is not taken as a cut-off start of a heading. */
    private static final int MIN_PREFIX_CHARS = 20;

    private static final int MAX_HEADINGS = 12;
    private static final int NEEDLE_CHARS = 40;
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3");
    private static final int MAX_HEADING_CHARS = 400;
    /** Separators between a headline and a site or section name; spaces around them are required. */
    private static final Pattern SEPARATOR =
            Pattern.compile("\\s+(?:\\||-|\u2013|\u2014|\u00BB|\u00B7|::|/|\u2022|~)\\s+");

    private static final Pattern COLON = Pattern.compile("\\s*:\\s+");
    private static final Pattern DOMAIN = Pattern.compile("(?i)^(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}$");
    /** Not {@code header}: many pages put the article's own {@code <h1>} in an article {@code <header>}. */
    private static final Set<String> CHROME = Set.of("nav", "footer", "aside", "menu");

    private HeadlineChooser() {}

    /**
     * The headline, or {@code null} when the page has neither headings nor titles. {@code titles} are the
     * metadata titles in order of preference (null entries allowed); {@code siteName} may be null.
     */
    static String choose(Document doc, List<String> titles, String siteName, List<String> firstParagraphs) {
        List<String> metas = new ArrayList<>();
        for (String t : titles) {
            if (t != null && !t.isBlank()) {
                metas.add(Texts.collapse(t));
            }
        }
        List<Element> h1s = headings(doc, "h1");
        String agreed = agreeing(h1s, metas);
        if (agreed == null) {
            agreed = agreeing(headings(doc, "h2"), metas);
        }
        if (agreed != null) {
            return agreed;
        }
        if (metas.isEmpty()) {
            String before = headingOfText(doc, firstParagraphs);
            if (before != null) {
                return before;
            }
        }
        for (Element h : h1s) {
            String text = Texts.collapse(h.text());
            if (Texts.wordCount(text) >= MIN_WORDS && !inChrome(h) && !isSiteName(text, siteName, metas)) {
                return text;
            }
        }
        for (String m : metas) {
            String t = withoutSiteNames(m, siteName);
            if (!t.isBlank()) {
                return t;
            }
        }
        return null;
    }

    /**
     * On a page without metadata titles: the first of the body's first paragraphs that is itself an
     * {@code h1}-{@code h3} (the extractor kept the headline), else the heading right above the first
     * paragraph ({@link #headingBefore(Document, String)}).
     */
    private static String headingOfText(Document doc, List<String> paragraphs) {
        if (paragraphs.isEmpty()) {
            return null;
        }
        for (Element h : doc.select("h1, h2, h3")) {
            String key = Texts.comparable(h.text());
            if (!key.isEmpty() && Texts.wordCount(h.text()) >= MIN_WORDS) {
                for (String p : paragraphs) {
                    if (Texts.comparable(p).equals(key)) {
                        return Texts.collapse(h.text());
                    }
                }
            }
        }
        return headingBefore(doc, paragraphs.get(0));
    }

    /**
     * The text of the last {@code h1}/{@code h2}/{@code h3} before the first text node that starts {@code
     * paragraph}, or null: on a page without any metadata title, the heading right above the article text
     * is its headline (a blog theme's site title is an earlier {@code <h1>}, its sidebar headings come
     * later). One iterative pass.
     */
    static String headingBefore(Document doc, String paragraph) {
        String needle = Texts.collapse(paragraph);
        if (needle.length() > NEEDLE_CHARS) {
            needle = needle.substring(0, NEEDLE_CHARS);
        }
        if (needle.length() < MIN_PREFIX_CHARS) {
            return null;
        }
        String target = needle;
        Element[] last = {null};
        String[] found = {null};
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof Element el && HEADINGS.contains(el.normalName())) {
                            if (!el.text().isBlank()) {
                                last[0] = el;
                            }
                            return FilterResult.SKIP_CHILDREN;
                        }
                        if (node instanceof TextNode t
                                && Texts.collapse(t.getWholeText()).startsWith(target)) {
                            found[0] = last[0] == null ? null : Texts.collapse(last[0].text());
                            return FilterResult.STOP;
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        return FilterResult.CONTINUE;
                    }
                },
                doc);
        return found[0] != null && Texts.wordCount(found[0]) >= MIN_WORDS ? found[0] : null;
    }

    private static List<Element> headings(Document doc, String tag) {
        List<Element> out = new ArrayList<>();
        for (Element e : doc.getElementsByTag(tag)) {
            String text = e.text();
            if (!text.isBlank() && text.length() <= MAX_HEADING_CHARS) {
                out.add(e);
                if (out.size() == MAX_HEADINGS) {
                    break;
                }
            }
        }
        return out;
    }

    /** The text of the heading that agrees with the most titles (first on ties), or null. */
    private static String agreeing(List<Element> headings, List<String> metas) {
        String best = null;
        int bestVotes = 0;
        for (Element h : headings) {
            String text = Texts.collapse(h.text());
            String key = Texts.comparable(text);
            if (key.isEmpty()) {
                continue;
            }
            int votes = 0;
            for (String m : metas) {
                if (agrees(key, m)) {
                    votes++;
                }
            }
            if (votes > bestVotes) {
                best = text;
                bestVotes = votes;
            }
        }
        return best;
    }

    /** Whether a heading (comparable form) agrees with a metadata title; see the class comment. */
    static boolean agrees(String headingKey, String title) {
        String whole = Texts.comparable(title);
        if (whole.equals(headingKey)) {
            return true;
        }
        if (whole.length() >= MIN_PREFIX_CHARS && headingKey.startsWith(whole)) {
            return true;
        }
        for (Pattern sep : new Pattern[] {SEPARATOR, COLON}) {
            String[] parts = sep.split(title);
            // Any run of whole parts at either end: "Opinion | Headline", "Headline | World | Site".
            // The heading must be the longer side: "Headline | India Post" does not make the logo's
            // "India Post" <h1> the headline.
            for (int from = 0; from < parts.length; from++) {
                for (int to = parts.length; to > from; to--) {
                    if ((from == 0 || to == parts.length) && (from > 0 || to < parts.length)) {
                        List<String> run = Arrays.asList(parts).subList(from, to);
                        List<String> rest = from == 0
                                ? Arrays.asList(parts).subList(to, parts.length)
                                : Arrays.asList(parts).subList(0, from);
                        String joined = Texts.comparable(String.join(" ", run));
                        if (joined.equals(headingKey)
                                && Texts.wordCount(String.join(" ", run)) > Texts.wordCount(String.join(" ", rest))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean inChrome(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (CHROME.contains(p.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSiteName(String text, String siteName, List<String> metas) {
        String key = Texts.comparable(text);
        if (siteName != null && Texts.comparable(siteName).equals(key)) {
            return true;
        }
        for (String m : metas) {
            String[] parts = SEPARATOR.split(m);
            if (parts.length > 1 && Texts.comparable(parts[parts.length - 1]).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A metadata title without the site and section names around it: split at separators, the parts that
     * are the site's name or a domain are dropped, and of the rest the longest run of words is kept
     * ({@code World | News | Express.co.uk} around a headline are shorter than it). A {@code ": Site"}
     * end is dropped only when it is the site's name.
     */
    static String withoutSiteNames(String title, String siteName) {
        String t = Texts.collapse(title);
        String siteKey = siteName == null ? null : Texts.comparable(siteName);
        int colon = t.lastIndexOf(": ");
        if (siteKey != null
                && colon > 0
                && Texts.comparable(t.substring(colon + 2)).equals(siteKey)) {
            t = t.substring(0, colon).strip();
        }
        String[] parts = SEPARATOR.split(t);
        if (parts.length == 1) {
            return t;
        }
        String best = "";
        int bestWords = -1;
        for (String p : parts) {
            String s = p.strip();
            if (s.isEmpty()
                    || Texts.comparable(s).equals(siteKey)
                    || DOMAIN.matcher(s).matches()) {
                continue;
            }
            int words = Texts.wordCount(s);
            if (words > bestWords) {
                best = s;
                bestWords = words;
            }
        }
        return best.isEmpty() ? t : best;
    }
}
