package io.newsline.article.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns a saved HTML page into a {@link ArticleParts}. Stateless and thread-safe.
 *
 * <ul>
 *   <li><b>Body</b>: the page is cleaned first ({@link PageCleaner}: hidden elements, figures and
 *       captions, chrome named by class or id); then readability4j (a port of Mozilla's Readability) and
 *       the {@link TextDensityExtractor} both run and {@link MainText} chooses (readability unless
 *       implausible; the one agreeing with a JSON-LD {@code articleBody} when there is one) and drops link
 *       lists and the furniture above the first prose paragraph; one paragraph per block element,
 *       whitespace collapsed; site boilerplate is removed as for plain text ({@link BoilerplateFilter}), and
 *       a leading repeat of the headline, dek, byline or date is dropped.
 *   <li><b>Headline</b>: {@link HeadlineChooser}: the visible heading agreeing with the metadata titles
 *       (JSON-LD {@code headline}, {@code og:title}, {@code twitter:title}, {@code dc.title}, {@code
 *       <title>}), else the visible {@code h1}, else a metadata title without site and section names.
 *   <li><b>Byline</b>: JSON-LD {@code author}, {@code <meta name="author">}, {@code article:author},
 *       {@code dc.creator}, {@code parsely-author}, {@code rel="author"} / {@code itemprop="author"},
 *       readability's byline; names checked with {@link BylineParser}.
 *   <li><b>Date</b>: {@link HtmlDates} (metadata, address, visible publication line, {@code <time>}), then a
 *       date line in the text; never later than {@code now}.
 *   <li><b>Dek</b>: {@code og:description} / {@code description} when it is not just the start of the
 *       body.
 * </ul>
 *
 * <p>Bounds ({@link ParseLimits}, {@code docs/parsing-limits.md}): readability4j is recursive (one stack
 * frame or more per level of nesting) and some of its passes grow faster than the page, so a hostile page
 * could overflow the stack or run for minutes. Before it runs, a page longer than {@code maxChars} is cut
 * to that prefix (before the last tag that starts near the limit; jsoup closes what is left open), and the
 * DOM is bounded by {@link DomBounds}: the content of any element nested {@code maxDepth} deep is
 * flattened, iteratively, into one {@code <p>} per text block. A page that still has more than {@code
 * maxNodes} nodes (or whose nodes are on average nested more than 25 deep) is not given to readability; neither is the body readability finds used when it throws
 * (a {@link StackOverflowError} included) or finds no text outside links: then the {@link
 * TextDensityExtractor} picks the body. Everything else here walks the DOM with jsoup's iterative
 * traversal.
 */
public final class HtmlArticleParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Readability's body is taken only when it has at least this many chars of text outside links. */
    private static final int MIN_PLAUSIBLE_TEXT_CHARS = 25;
    /**
     * Readability runs only on a DOM whose summed node depth is at most {@code maxNodes} times this: its
     * passes look at ancestors and descendants, so a page of few but deeply nested nodes costs as much as a
     * large flat one (measured: 8,000 nodes nested 64 deep, summed depth 515,000, took 4 s). Real pages
     * (html-gold) have a summed depth under 51,000.
     */
    private static final int READABILITY_MEAN_DEPTH = 25;

    private static final String READABILITY_INLINE = "readability-styled";
    private static final Set<String> SKIPPED_TAGS = Set.of("script", "style", "noscript", "svg");
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre, dd, figcaption, td";
    private static final Set<String> BLOCK_TAGS = Set.of(
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "blockquote",
            "pre",
            "dd",
            "dt",
            "figcaption",
            "td",
            "th",
            "div",
            "section",
            "article",
            "ul",
            "ol",
            "table",
            "tr",
            "header",
            "footer",
            "aside",
            "figure",
            "main",
            "br",
            "hr",
            "dl",
            "tbody",
            "thead",
            "form",
            "nav");
    private static final Pattern HTML_SNIFF = Pattern.compile(
            "^\\s*(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body|meta|title|article)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_DEK_WORDS = 60;
    private static final Pattern ABSOLUTE_URI = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private static final String[] TITLE_METAS = {"og:title", "twitter:title", "dc.title", "dcterms.title", "title"};
    private static final String[] AUTHOR_METAS = {
        "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"
    };
    private static final String[] DESCRIPTION_METAS = {"og:description", "twitter:description", "description"};

    /** Whether a file is HTML: by its media type or name, else by sniffing the start of the content. */
    public static boolean isHtml(String mediaType, String fileName, String text) {
        if (mediaType != null) {
            String m = mediaType.toLowerCase(Locale.ROOT);
            if (m.startsWith("text/html") || m.startsWith("application/xhtml")) {
                return true;
            }
        }
        if (fileName != null) {
            String f = fileName.toLowerCase(Locale.ROOT);
            if (f.endsWith(".html") || f.endsWith(".htm") || f.endsWith(".xhtml")) {
                return true;
            }
        }
        return text != null && looksLikeHtml(text);
    }

    /** Whether the text starts like an HTML document (doctype, {@code <html>}, {@code <head>}, ...). */
    public static boolean looksLikeHtml(String text) {
        int n = Math.min(text.length(), 2048);
        String head = text.substring(0, n);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        return HTML_SNIFF.matcher(head).find();
    }

    private final ParseLimits limits;

    /** A parser with the default {@link ParseLimits}. */
    public HtmlArticleParser() {
        this(ParseLimits.DEFAULTS);
    }

    public HtmlArticleParser(ParseLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Parses one page. {@code baseUri} may be empty. Throws {@link IllegalArgumentException} when the page has no text. */
    public ArticleParts parse(String html, String baseUri, Instant now) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(now, "now");
        // readability4j resolves relative links and needs an absolute base.
        String uri = baseUri != null && ABSOLUTE_URI.matcher(baseUri).find() ? baseUri : "http://localhost/";
        Document doc = Jsoup.parse(Texts.withoutControls(limits.prefix(html, '<')), uri);
        DomBounds.Size size = DomBounds.flattenDeeperThan(doc, limits.maxDepth());
        List<JsonNode> ld = jsonLd(doc);
        Elements metas = doc.select("meta[content]");

        List<String> bylines = bylines(doc, metas, ld);
        Optional<DateLineParser.Stamp> stamp = HtmlDates.published(doc, metas, ld, baseUri, now);
        Instant published = stamp.map(DateLineParser.Stamp::instant).orElse(null);
        LocalDate publishedLocal = stamp.map(DateLineParser.Stamp::localDate).orElse(null);

        boolean small =
                size.nodes() <= limits.maxNodes() && size.weight() <= (long) limits.maxNodes() * READABILITY_MEAN_DEPTH;
        PageCleaner.clean(doc.body() == null ? doc : doc.body());
        Article article = small ? readability(uri, doc) : null;
        Element content = article == null ? null : article.getArticleContent();
        List<TextDensityExtractor.Block> fromReadability =
                content != null && plausible(content) ? TextDensityExtractor.blocks(content) : List.of();
        List<TextDensityExtractor.Block> fromDensity = TextDensityExtractor.extractBlocks(doc);
        List<String> body = MainText.choose(fromReadability, fromDensity, ldText(ld, "articleBody"));
        String title = title(doc, metas, ld, body.subList(0, Math.min(3, body.size())));
        if (article != null && (title == null || title.isBlank())) {
            title = article.getTitle();
        }
        if (article != null && bylines.isEmpty() && article.getByline() != null) {
            bylines = names(article.getByline());
        }
        if ((title == null || title.isBlank()) && !body.isEmpty()) {
            title = body.remove(0);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("HTML page has no title and no text");
        }
        title = Texts.collapse(title);

        String dek = dek(metas, ld, body);
        body = dropLeadingRepeats(body, title, dek, bylines);
        body = MainText.withoutLeadingFurniture(body, title);
        BoilerplateFilter.Result filtered = BoilerplateFilter.filter(body);
        List<String> kept = new ArrayList<>(limits.boundBody(filtered.kept()));
        if (published == null) {
            DateLineParser.DateLine line = textDate(kept, now);
            published = line == null ? null : line.instant();
            publishedLocal = line == null ? null : line.localDate();
        }
        return new ArticleParts(title, dek, bylines, published, kept, filtered.removed(), publishedLocal);
    }

    // ---------------------------------------------------------------- body

    /**
     * Readability's article, or {@code null} when it fails. Its failures, a {@link StackOverflowError}
     * included, concern this page only (the DOM is bounded, so an overflow means readability's own
     * recursion went wrong on it), and the page still has a body: the caller falls back to the
     * {@link TextDensityExtractor}.
     */
    private static Article readability(String uri, Document doc) {
        try {
            return new Readability4J(uri, doc.clone()).parse();
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** Whether readability's content has some text outside links (a page of menus yields only links). */
    private static boolean plausible(Element content) {
        int[] chars = {0};
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof Element el
                                && (el.normalName().equals("a") || SKIPPED_TAGS.contains(el.normalName()))) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (node instanceof TextNode text) {
                            chars[0] += text.text().strip().length();
                            if (chars[0] >= MIN_PLAUSIBLE_TEXT_CHARS) {
                                return FilterResult.STOP;
                            }
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        return FilterResult.CONTINUE;
                    }
                },
                content);
        return chars[0] >= MIN_PLAUSIBLE_TEXT_CHARS;
    }

    /**
     * One paragraph per text block of {@code root}; inline elements are joined, {@code br} splits. Walks
     * the tree with jsoup's iterative traversal, so any depth is fine.
     */
    static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node == root) {
                            return FilterResult.CONTINUE;
                        }
                        if (node instanceof TextNode text) {
                            current.append(text.getWholeText());
                        } else if (node instanceof Element el) {
                            String tag = el.normalName();
                            if (SKIPPED_TAGS.contains(tag)) {
                                return FilterResult.SKIP_ENTIRELY;
                            }
                            if (isBlock(el)) {
                                flush(current, out);
                            }
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        if (node != root && node instanceof Element el && isBlock(el)) {
                            flush(current, out);
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                root);
        flush(current, out);
        return out;
    }

    /** Whether paragraphs start and end at {@code tag} ({@code p}, {@code div}, {@code br}, ...). */
    static boolean isBlockTag(String tag) {
        return BLOCK_TAGS.contains(tag);
    }

    /**
     * Whether paragraphs start and end at {@code el}. Not at readability's {@code p.readability-styled}: it
     * wraps a bare text node of a {@code div} in an inline {@code p} (Readability.js styles it {@code
     * display: inline}), and the links between such text nodes are in the same sentence.
     */
    static boolean isBlock(Element el) {
        String tag = el.normalName();
        return BLOCK_TAGS.contains(tag) && !(tag.equals("p") && el.hasClass(READABILITY_INLINE));
    }

    /** Whether the text of {@code tag} is never article text ({@code script}, {@code style}, ...). */
    static boolean isSkippedTag(String tag) {
        return SKIPPED_TAGS.contains(tag);
    }

    static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            String t = Texts.collapse(current.toString());
            if (!t.isEmpty()) {
                out.add(t);
            }
            current.setLength(0);
        }
    }

    private static List<String> dropLeadingRepeats(List<String> body, String title, String dek, List<String> bylines) {
        List<String> out = new ArrayList<>(body);
        String titleKey = Texts.comparable(title);
        String dekKey = dek == null ? null : Texts.comparable(dek);
        for (int n = 0; n < 4 && !out.isEmpty(); n++) {
            String first = out.get(0);
            String key = Texts.comparable(first);
            if (key.equals(titleKey)
                    || key.equals(dekKey)
                    || BylineParser.parseByline(first).isPresent()
                    || DateLineParser.parseLine(first).isPresent()
                    || (!bylines.isEmpty() && key.equals(Texts.comparable(String.join(" and ", bylines))))) {
                out.remove(0);
            } else {
                break;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- metadata

    /** The content of the first non-empty meta whose property, name or itemprop is {@code name} (any case). */
    static String meta(Elements metas, String name) {
        for (Element m : metas) {
            String key = m.hasAttr("property")
                    ? m.attr("property")
                    : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            if (key.equalsIgnoreCase(name)) {
                String v = m.attr("content").strip();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                flatten(JSON.readTree(s.data()), out, 0);
            } catch (Exception e) {
                // malformed JSON-LD is common; ignore it
            }
        }
        return out;
    }

    private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> flatten(n, out, depth + 1));
        } else if (node.isObject()) {
            if (isArticleType(node.get("@type"))) {
                out.add(node);
            }
            flatten(node.get("@graph"), out, depth + 1);
            flatten(node.get("mainEntity"), out, depth + 1);
        }
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String t = type.asText("");
        return t.endsWith("Article") || t.equals("BlogPosting") || t.equals("Report") || t.equals("LiveBlogPosting");
    }

    private static String ldText(List<JsonNode> ld, String field) {
        for (JsonNode n : ld) {
            JsonNode v = n.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return null;
    }

    /** The headline: see {@link HeadlineChooser}. */
    static String title(Document doc, Elements metas, List<JsonNode> ld, List<String> firstParagraphs) {
        List<String> titles = new ArrayList<>();
        String headline = ldText(ld, "headline");
        titles.add(headline == null ? null : Jsoup.parse(headline).text());
        for (String name : TITLE_METAS) {
            titles.add(meta(metas, name));
        }
        titles.add(doc.title());
        return HeadlineChooser.choose(doc, titles, meta(metas, "og:site_name"), firstParagraphs);
    }

    private static List<String> bylines(Document doc, Elements metas, List<JsonNode> ld) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode n : ld) {
            addAuthors(n.get("author"), out);
            if (!out.isEmpty()) {
                return List.copyOf(out);
            }
        }
        for (String name : AUTHOR_METAS) {
            String v = meta(metas, name);
            if (v != null && !v.startsWith("http")) {
                out.addAll(names(v));
                if (!out.isEmpty()) {
                    return List.copyOf(out);
                }
            }
        }
        Elements els = doc.select("[rel=author], [itemprop=author], .byline, .author-name, [class*=byline]");
        for (Element e : els) {
            String text = e.text();
            if (text.length() <= 120) {
                out.addAll(names(text));
                if (!out.isEmpty()) {
                    return List.copyOf(out);
                }
            }
        }
        return List.copyOf(out);
    }

    private static void addAuthors(JsonNode author, Set<String> out) {
        if (author == null) {
            return;
        }
        if (author.isArray()) {
            author.forEach(a -> addAuthors(a, out));
        } else if (author.isObject()) {
            JsonNode name = author.get("name");
            if (name != null && name.isTextual()) {
                out.addAll(names(name.asText()));
            }
        } else if (author.isTextual()) {
            out.addAll(names(author.asText()));
        }
    }

    private static List<String> names(String text) {
        String t = Texts.collapse(text);
        Optional<List<String>> parsed = BylineParser.parseByline(t).or(() -> BylineParser.parseNames(t));
        return parsed.orElse(List.of());
    }

    private static DateLineParser.DateLine textDate(List<String> body, Instant now) {
        for (int i = 0; i < Math.min(3, body.size()); i++) {
            Optional<DateLineParser.DateLine> d = DateLineParser.parseLine(body.get(i));
            if (d.isPresent() && !d.get().instant().isAfter(now)) {
                return d.get();
            }
        }
        return null;
    }

    private static String dek(Elements metas, List<JsonNode> ld, List<String> body) {
        String d = null;
        for (String name : DESCRIPTION_METAS) {
            d = meta(metas, name);
            if (d != null) {
                break;
            }
        }
        if (d == null) {
            d = ldText(ld, "description");
        }
        if (d == null) {
            return null;
        }
        d = Texts.collapse(Jsoup.parse(d).text());
        int words = Texts.wordCount(d);
        if (words < 3 || words > MAX_DEK_WORDS) {
            return null;
        }
        String key = Texts.comparable(d);
        String bodyStart = Texts.comparable(String.join(" ", body.subList(0, Math.min(2, body.size()))));
        // A description that is the lead (or a truncation of it) is not a dek.
        String probe = key.endsWith(" ") ? key : key;
        if (probe.length() > 30) {
            probe = probe.substring(0, probe.length() - 10);
        }
        if (bodyStart.contains(probe) || Texts.overlap(Texts.contentWords(d), Texts.contentWords(bodyStart)) >= 0.8) {
            return null;
        }
        return d;
    }
}
