package io.newsline.article.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.article.parse.DateLineParser.Stamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The publication date of an HTML page. Sources, strongest first:
 *
 * <ol>
 *   <li>machine-readable publication dates: JSON-LD {@code datePublished} of the article, the publication metas
 *       ({@code article:published_time}, {@code dc.date}, {@code date}, {@code pubdate}, {@code
 *       parsely-pub-date}, {@code sailthru.date}, ...), {@code itemprop=datePublished}, a {@code <time pubdate>};
 *   <li>a date in the page address ({@code /2025/09/03/}, {@code /2025-09-03/}, {@code /20250903/});
 *   <li>visible text labelled as the publication ({@code Published}, {@code Posted}, {@code publiziert}, ...);
 *   <li>the first {@code <time datetime>} of the article, then a short date element near the headline;
 *   <li>the update dates ({@code dateModified}, {@code article:modified_time}, {@code Updated ...}) last: a page
 *       that says when it was published is dated by that, not by its revision.
 * </ol>
 *
 * <p>A machine-readable value is often in UTC ({@code Z} or no zone) while the publisher's calendar date is
 * another: {@code 2019-11-19T02:24Z} is 9:24 pm on Nov 18 in New York. When such a value is within a day of a
 * date the page shows in its address or its visible publication line, that local date is kept as {@link
 * Stamp#localDate()} (the instant stays the machine-readable one). Placeholders ({@code 0001-01-01}) are not
 * dates; nothing later than {@code now} is taken. Numeric visible dates follow {@link DayMonthOrder} with the
 * page's {@code lang} / {@code og:locale} and address.
 */
final class HtmlDates {
    private static final String[] PUBLISHED_METAS = {
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
        "publish_date",
        "publication_date",
        "article.published",
        "article.created",
        "sailthru.date",
        "parsely-pub-date",
        "cxenseparse:recs:publishtime",
        "originalpublicationdate",
        "datecreated",
        "pdate",
        "displaydate",
        "sn-post-date"
    };
    private static final String[] MODIFIED_METAS = {
        "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified", "lastmod"
    };
    /** A date in an address: {@code /2019/11/19/}, {@code /2019-11-19/}, {@code _20191119}. */
    private static final Pattern URL_DATE =
            Pattern.compile("(?<![0-9])((?:19|20)\\d{2})([/_.-]?)(0?[1-9]|1[0-2])\\2(0?[1-9]|[12]\\d|3[01])(?![0-9])");

    private static final Pattern PUBLISHED_LABEL = Pattern.compile(
            "\\b(?:published|posted|publi[sz]iert|ver\u00f6ffentlicht|publicado|publicad[ao] em|pubblicato|publi\u00e9"
                    + "|first published|written|date)\\b|\uae30\uc0ac\uc785\ub825|\u767a\u8868|\u516c\u958b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATED_LABEL = Pattern.compile(
            "\\b(?:updated|modified|last edited|aktualisiert|atualizado|actualizado|aggiornato|mis \u00e0 jour)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_CLASS =
            Pattern.compile("date|time|byline|dateline|posted|publish|meta|info|author", Pattern.CASE_INSENSITIVE);
    /** Page regions whose dates are not the article's: site header, navigation, asides, comments, related links. */
    private static final Pattern NOT_ARTICLE = Pattern.compile(
            "comment|related|recommend|sidebar|footer|masthead|site-header|navbar|newsletter|trending|popular|promo",
            Pattern.CASE_INSENSITIVE);

    private static final int MAX_VISIBLE_LENGTH = 160;
    private static final int MAX_VISIBLE_ELEMENTS = 4000;

    private HtmlDates() {}

    /** The page's publication date, or empty when it states none (or only dates after {@code now}). */
    static Optional<Stamp> published(Document doc, Elements metas, List<JsonNode> ld, String url, Instant now) {
        DayMonthOrder order = DayMonthOrder.forLocale(locale(doc, metas), url);
        LdDates ldDates = ldDates(doc, ld);
        List<Stamp> machineAll = new ArrayList<>();
        Stamp machine = machineReadable(doc, metas, ldDates, order, now, machineAll);
        Stamp modified = modified(metas, ldDates, order, now, machineAll);
        Stamp fromUrl = url == null ? null : urlDate(url, now);
        Visible visible = visible(doc, order, now);
        if (machine != null) {
            boolean dateOnly = machine.offset() == null
                    && machine.instant()
                            .equals(machine.localDate()
                                    .atStartOfDay(ZoneOffset.UTC)
                                    .toInstant());
            if (!dateOnly && (machine.offset() == null || machine.offset().getTotalSeconds() == 0)) {
                // UTC (or no zone, usually UTC): the publisher's calendar date is the one in its own zone, which
                // another value or a visible time states (9:24 pm ET), or which the address or byline prints.
                ZoneOffset publisher = publisherOffset(machineAll, visible.zoned);
                if (publisher != null) {
                    return Optional.of(new Stamp(
                            machine.instant(),
                            machine.instant().atOffset(publisher).toLocalDate(),
                            publisher));
                }
                LocalDate utc = machine.instant().atOffset(ZoneOffset.UTC).toLocalDate();
                for (Stamp local : new Stamp[] {fromUrl, visible.published, visible.near}) {
                    if (local != null
                            && !local.localDate().equals(utc)
                            && Math.abs(ChronoUnit.DAYS.between(utc, local.localDate())) == 1) {
                        return Optional.of(new Stamp(machine.instant(), local.localDate(), null));
                    }
                }
            }
            return Optional.of(machine);
        }
        if (fromUrl != null) {
            // The address has the day; a visible line of the same day has the time.
            if (visible.published != null && visible.published.localDate().equals(fromUrl.localDate())) {
                return Optional.of(visible.published);
            }
            return Optional.of(fromUrl);
        }
        if (visible.published != null) {
            return Optional.of(visible.published);
        }
        if (visible.near != null) {
            return Optional.of(visible.near);
        }
        if (modified != null) {
            return Optional.of(modified);
        }
        return Optional.ofNullable(visible.updated);
    }

    private static String locale(Document doc, Elements metas) {
        Element html = doc.selectFirst("html[lang]");
        if (html != null && !html.attr("lang").isBlank()) {
            return html.attr("lang");
        }
        String og = HtmlArticleParser.meta(metas, "og:locale");
        return og != null ? og : HtmlArticleParser.meta(metas, "content-language");
    }

    /** The first offset other than UTC that a machine-readable value or a visible date of the article states. */
    private static ZoneOffset publisherOffset(List<Stamp> machineAll, Stamp visibleZoned) {
        for (Stamp s : machineAll) {
            if (s.offset() != null && s.offset().getTotalSeconds() != 0) {
                return s.offset();
            }
        }
        return visibleZoned == null ? null : visibleZoned.offset();
    }

    private record LdDates(List<String> published, List<String> modified) {}

    /** Types whose dates are not the article's: an embedded video, recipe, image, event, product or comment. */
    private static final Pattern NOT_ARTICLE_TYPE =
            Pattern.compile("Video|Audio|Recipe|Image|Event|Product|Review|Comment|Clip|Offer|Person|Organization");

    private static final Pattern LD_DATE =
            Pattern.compile("\"(datePublished|dateModified)\"\\s*:\\s*\"([^\"]{6,40})\"");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * {@code datePublished} / {@code dateModified} of the page's JSON-LD: the article objects the parser found
     * first, then any other object but embedded media and the like; a script that is not valid JSON is read with a
     * pattern.
     */
    private static LdDates ldDates(Document doc, List<JsonNode> articles) {
        List<String> published = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        for (JsonNode n : articles) {
            addText(n.get("datePublished"), published);
            addText(n.get("dateModified"), modified);
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String data = script.data();
            try {
                walk(JSON.readTree(data), published, modified, 0);
            } catch (Exception e) {
                Matcher m = LD_DATE.matcher(data);
                while (m.find()) {
                    (m.group(1).equals("datePublished") ? published : modified).add(m.group(2));
                }
            }
        }
        return new LdDates(published, modified);
    }

    private static void walk(JsonNode node, List<String> published, List<String> modified, int depth) {
        if (node == null || depth > 5) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> walk(n, published, modified, depth + 1));
        } else if (node.isObject()) {
            if (!NOT_ARTICLE_TYPE.matcher(node.path("@type").toString()).find()) {
                addText(node.get("datePublished"), published);
                addText(node.get("dateModified"), modified);
            }
            for (JsonNode child : node) {
                if (child.isContainerNode()) {
                    walk(child, published, modified, depth + 1);
                }
            }
        }
    }

    private static void addText(JsonNode v, List<String> out) {
        if (v != null && v.isTextual() && !v.asText().isBlank()) {
            out.add(v.asText());
        }
    }

    private static Stamp machineReadable(
            Document doc, Elements metas, LdDates ld, DayMonthOrder order, Instant now, List<Stamp> all) {
        List<String> candidates = new ArrayList<>(ld.published());
        for (String name : PUBLISHED_METAS) {
            String v = HtmlArticleParser.meta(metas, name);
            if (v != null) {
                candidates.add(v);
            }
        }
        for (Element e : doc.select("[itemprop=datePublished], time[pubdate]")) {
            candidates.add(
                    e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text());
        }
        return first(candidates, order, now, all);
    }

    private static Stamp modified(Elements metas, LdDates ld, DayMonthOrder order, Instant now, List<Stamp> all) {
        List<String> candidates = new ArrayList<>(ld.modified());
        for (String name : MODIFIED_METAS) {
            String v = HtmlArticleParser.meta(metas, name);
            if (v != null) {
                candidates.add(v);
            }
        }
        return first(candidates, order, now, all);
    }

    /** The first candidate that is a date not after {@code now}; every such date is added to {@code all}. */
    private static Stamp first(List<String> candidates, DayMonthOrder order, Instant now, List<Stamp> all) {
        Stamp first = null;
        for (String c : candidates) {
            if (c == null || c.isBlank() || c.length() > 200) {
                continue;
            }
            Optional<Stamp> s = DateLineParser.firstStamp(c.strip(), order);
            if (s.isPresent() && !s.get().instant().isAfter(now)) {
                all.add(s.get());
                if (first == null) {
                    first = s.get();
                }
            }
        }
        return first;
    }

    /** The date in a page address, UTC midnight of that day, or null. */
    static Stamp urlDate(String url, Instant now) {
        String path = url;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        Matcher m = URL_DATE.matcher(path);
        while (m.find()) {
            try {
                LocalDate d = LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                if (m.group(2).isEmpty() && m.group(0).length() != 8) {
                    continue; // 2019119: too ambiguous without separators
                }
                Instant i = d.atStartOfDay(ZoneOffset.UTC).toInstant();
                if (!i.isAfter(now)) {
                    return new Stamp(i, d, null);
                }
            } catch (DateTimeException e) {
                // not a date
            }
        }
        return null;
    }

    private record Visible(Stamp published, Stamp updated, Stamp near, Stamp zoned) {}

    /**
     * Dates a reader sees: the first labelled as the publication, the first labelled as an update, and the
     * first short date element (a {@code <time>} or an element whose class says date/time/byline) after the
     * headline.
     */
    private static Visible visible(Document doc, DayMonthOrder order, Instant now) {
        Stamp published = null;
        Stamp updated = null;
        Stamp near = null;
        Stamp zoned = null;
        Element body = doc.body();
        if (body == null) {
            return new Visible(null, null, null, null);
        }
        Element h1 = body.selectFirst("h1");
        boolean afterHeadline = h1 == null;
        int seen = 0;
        for (Element e : body.getAllElements()) {
            if (++seen > MAX_VISIBLE_ELEMENTS || (published != null && near != null && zoned != null)) {
                break;
            }
            if (e == h1) {
                afterHeadline = true;
                continue;
            }
            String tag = e.normalName();
            if (tag.equals("script") || tag.equals("style") || tag.equals("noscript")) {
                continue;
            }
            String own = e.ownText();
            boolean timeElement = tag.equals("time") && e.hasAttr("datetime");
            if (own.isBlank() && !timeElement) {
                continue;
            }
            String all = e.text();
            String text = all.length() <= MAX_VISIBLE_LENGTH ? all : own.strip();
            if (text.length() > MAX_VISIBLE_LENGTH) {
                continue;
            }
            // A <time> prints the local time; its datetime attribute is often UTC.
            Stamp s = DateLineParser.firstStamp(text, order).orElse(null);
            Element time = timeElement ? e : e.selectFirst("time[datetime]");
            if (time != null) {
                // The attribute is exact when it agrees with the printed day (or nothing is printed).
                Stamp attr =
                        DateLineParser.firstStamp(time.attr("datetime"), order).orElse(null);
                if (attr != null && (s == null || attr.localDate().equals(s.localDate()))) {
                    s = attr;
                }
            }
            if (s == null || s.instant().isAfter(now) || outsideArticle(e)) {
                continue;
            }
            if (zoned == null) {
                zoned = zoned(s, timeElement ? e.attr("datetime") : null, order);
            }
            String context = text + " " + (e.parent() == null ? "" : e.parent().ownText());
            if (UPDATED_LABEL.matcher(context).find()) {
                if (updated == null) {
                    updated = s;
                }
            } else if (PUBLISHED_LABEL.matcher(context).find()) {
                if (published == null) {
                    published = s;
                }
            } else if (near == null
                    && afterHeadline
                    && (timeElement
                            || DATE_CLASS.matcher(e.className() + " " + e.id()).find()
                            || (e.parent() != null
                                    && DATE_CLASS
                                            .matcher(e.parent().className())
                                            .find()))) {
                near = s;
            }
        }
        return new Visible(published, updated, near, zoned);
    }

    /** A visible stamp, or the {@code <time datetime>} behind it, that states an offset other than UTC, or null. */
    private static Stamp zoned(Stamp printed, String attribute, DayMonthOrder order) {
        if (printed.offset() != null && printed.offset().getTotalSeconds() != 0) {
            return printed;
        }
        if (attribute != null) {
            Stamp a = DateLineParser.firstStamp(attribute, order).orElse(null);
            if (a != null && a.offset() != null && a.offset().getTotalSeconds() != 0) {
                return a;
            }
        }
        return null;
    }

    private static boolean outsideArticle(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("body")) {
                return false; // its classes describe the whole page (offcanvas-sidebar-mobile ...)
            }
            if (tag.equals("header") && p.parents().select("article").isEmpty()
                    || tag.equals("nav")
                    || tag.equals("footer")
                    || tag.equals("aside")) {
                return true;
            }
            if (NOT_ARTICLE.matcher(p.className() + " " + p.id()).find()) {
                return true;
            }
        }
        return false;
    }
}
