package io.newsline.streams.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
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

/**
 * Turns a saved HTML page into a {@link ParsedArticle}. Stateless and thread-safe.
 *
 * <ul>
 *   <li><b>Body</b>: the main content found by readability4j (a port of Mozilla's Readability), then
 *       one paragraph per block element ({@code p}, headings, list items, block quotes, ...), whitespace
 *       collapsed; site boilerplate is removed as for plain text ({@link BoilerplateFilter}), and a
 *       leading repeat of the headline, dek, byline or date is dropped.
 *   <li><b>Headline</b>: JSON-LD {@code NewsArticle.headline}, {@code og:title}, {@code twitter:title},
 *       {@code dc.title}, the first {@code h1}, then {@code <title>} (a trailing {@code " | Site"} or
 *       {@code " - Site"} part removed).
 *   <li><b>Byline</b>: JSON-LD {@code author}, {@code <meta name="author">}, {@code article:author},
 *       {@code dc.creator}, {@code parsely-author}, {@code rel="author"} / {@code itemprop="author"},
 *       readability's byline; names checked with {@link BylineParser}.
 *   <li><b>Date</b>: {@code article:published_time}, JSON-LD {@code datePublished}, {@code dc.date},
 *       {@code pubdate}-style metas, {@code itemprop="datePublished"}, the first {@code <time
 *       datetime>}, then a date line in the text; never later than {@code now}.
 *   <li><b>Dek</b>: {@code og:description} / {@code description} when it is not just the start of the
 *       body.
 * </ul>
 */
public final class HtmlArticleParser {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    private static final Pattern TITLE_SUFFIX =
            Pattern.compile("\\s+[|\u2013\u2014\u00B7:-]\\s+[^|\u2013\u2014\u00B7]{2,60}$");
    private static final Pattern HTML_SNIFF = Pattern.compile(
            "^\\s*(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body|meta|title|article)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_DEK_WORDS = 60;
    private static final Pattern ABSOLUTE_URI = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private static final String[] TITLE_METAS = {"og:title", "twitter:title", "dc.title", "dcterms.title", "title"};
    private static final String[] AUTHOR_METAS = {
        "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"
    };
    private static final String[] DATE_METAS = {
        "article:published_time",
        "og:published_time",
        "published_time",
        "datepublished",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.created",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "article.published",
        "sailthru.date",
        "parsely-pub-date",
        "cxenseparse:recs:publishtime",
        "originalpublicationdate",
        "article:modified_time",
        "og:updated_time"
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

    /** Parses one page. {@code baseUri} may be empty. Throws {@link IllegalArgumentException} when the page has no text. */
    public ParsedArticle parse(String html, String baseUri, Instant now) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(now, "now");
        // readability4j resolves relative links and needs an absolute base.
        String uri = baseUri != null && ABSOLUTE_URI.matcher(baseUri).find() ? baseUri : "http://localhost/";
        Document doc = Jsoup.parse(html, uri);
        List<JsonNode> ld = jsonLd(doc);

        String title = title(doc, ld);
        List<String> bylines = bylines(doc, ld);
        Instant published = published(doc, ld, now);

        Article article = new Readability4J(uri, doc.clone()).parse();
        Element content = article.getArticleContent();
        List<String> body = content == null ? new ArrayList<>() : paragraphs(content);
        if (body.isEmpty()) {
            body = paragraphs(doc.body() == null ? doc : doc.body());
        }
        if (title == null || title.isBlank()) {
            title = article.getTitle();
        }
        if (bylines.isEmpty() && article.getByline() != null) {
            bylines = names(article.getByline());
        }
        if ((title == null || title.isBlank()) && !body.isEmpty()) {
            title = body.remove(0);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("HTML page has no title and no text");
        }
        title = Texts.collapse(title);

        String dek = dek(doc, ld, body);
        body = dropLeadingRepeats(body, title, dek, bylines);
        BoilerplateFilter.Result filtered = BoilerplateFilter.filter(body);
        List<String> kept = new ArrayList<>(filtered.kept());
        if (published == null) {
            published = textDate(kept, now);
        }
        return new ParsedArticle(title, dek, bylines, published, kept, filtered.removed());
    }

    // ---------------------------------------------------------------- body

    /** One paragraph per text block of {@code root}; inline elements are joined, {@code br} splits. */
    static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        collect(root, current, out);
        flush(current, out);
        return out;
    }

    private static void collect(Node node, StringBuilder current, List<String> out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                current.append(text.getWholeText());
            } else if (child instanceof Element el) {
                String tag = el.normalName();
                if (tag.equals("script") || tag.equals("style") || tag.equals("noscript") || tag.equals("svg")) {
                    continue;
                }
                if (BLOCK_TAGS.contains(tag)) {
                    flush(current, out);
                    collect(el, current, out);
                    flush(current, out);
                } else {
                    collect(el, current, out);
                }
            }
        }
    }

    private static void flush(StringBuilder current, List<String> out) {
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

    private static String meta(Document doc, String name) {
        for (Element m : doc.select("meta[content]")) {
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

    static String title(Document doc, List<JsonNode> ld) {
        String t = ldText(ld, "headline");
        if (t != null) {
            return Jsoup.parse(t).text();
        }
        for (String name : TITLE_METAS) {
            String v = meta(doc, name);
            if (v != null) {
                return stripSiteSuffix(v, doc);
            }
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text();
        }
        String title = doc.title();
        return title.isBlank() ? null : stripSiteSuffix(title, doc);
    }

    private static String stripSiteSuffix(String title, Document doc) {
        String t = Texts.collapse(title);
        String site = meta(doc, "og:site_name");
        if (site != null) {
            for (String sep : new String[] {" | ", " - ", " \u2013 ", " \u2014 ", " : ", " \u00B7 "}) {
                if (t.endsWith(sep + site)) {
                    return t.substring(0, t.length() - sep.length() - site.length())
                            .strip();
                }
            }
        }
        // "Headline | Site" without og:site_name: drop a short trailing part after a pipe.
        int bar = t.lastIndexOf(" | ");
        if (bar > 20 && t.length() - bar < 40) {
            return t.substring(0, bar).strip();
        }
        return t;
    }

    private static List<String> bylines(Document doc, List<JsonNode> ld) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode n : ld) {
            addAuthors(n.get("author"), out);
            if (!out.isEmpty()) {
                return List.copyOf(out);
            }
        }
        for (String name : AUTHOR_METAS) {
            String v = meta(doc, name);
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

    private static Instant published(Document doc, List<JsonNode> ld, Instant now) {
        List<String> candidates = new ArrayList<>();
        String ldDate = ldText(ld, "datePublished");
        for (String name : DATE_METAS) {
            if (name.equals("dc.date") && ldDate != null) {
                candidates.add(ldDate);
                ldDate = null;
            }
            String v = meta(doc, name);
            if (v != null) {
                candidates.add(v);
            }
            if (name.equals("article:published_time") && ldDate != null) {
                candidates.add(ldDate);
                ldDate = null;
            }
        }
        for (Element e : doc.select("[itemprop=datePublished]")) {
            candidates.add(
                    e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text());
        }
        for (Element e : doc.select("time[datetime]")) {
            candidates.add(e.attr("datetime"));
            break;
        }
        String ldModified = ldText(ld, "dateModified");
        if (ldModified != null) {
            candidates.add(ldModified);
        }
        for (String c : candidates) {
            Optional<Instant> d = DateLineParser.firstDate(c);
            if (d.isPresent() && !d.get().isAfter(now)) {
                return d.get();
            }
        }
        return null;
    }

    private static Instant textDate(List<String> body, Instant now) {
        for (int i = 0; i < Math.min(3, body.size()); i++) {
            Optional<DateLineParser.DateLine> d = DateLineParser.parseLine(body.get(i));
            if (d.isPresent() && !d.get().instant().isAfter(now)) {
                return d.get().instant();
            }
        }
        return null;
    }

    private static String dek(Document doc, List<JsonNode> ld, List<String> body) {
        String d = null;
        for (String name : DESCRIPTION_METAS) {
            d = meta(doc, name);
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
