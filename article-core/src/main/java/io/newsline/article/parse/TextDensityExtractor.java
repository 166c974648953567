package io.newsline.article.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The body of a page when readability4j cannot be used: the page is too big for it, it failed, or it
 * found only links. Block text-density scoring in one pass of jsoup's iterative {@link NodeTraversor}:
 *
 * <ol>
 *   <li>The page is cut into text blocks as {@link HtmlArticleParser#paragraphs(Element)} does (a block
 *       ends at every block element), each with its length, how much of it is link text, and the block
 *       element that holds it. Blocks inside page chrome ({@code nav}, {@code header}, {@code footer},
 *       {@code aside}, {@code menu} (not {@code form}: ASP.NET pages wrap the whole page in one), or an element whose class or id says navigation, menu,
 *       footer, sidebar, comments, share, cookie, related, breadcrumb, ...) are left out.
 *   <li>A block with at least {@value #MIN_GOOD_CHARS} chars, less than a third of them in links, is
 *       article-like text; its non-link length is added to the score of the element that contains its
 *       block element, and half of it to the next one up (as readability scores paragraph parents).
 *   <li>The best-scoring element is the article; its blocks with less than half link text are the body,
 *       in document order. No article-like block at all: an empty body (the caller rejects the page).
 * </ol>
 *
 * <p>Hand-written rather than taken from a library: readability4j (recursive, super-linear passes) is what
 * this replaces; jsoup has no extractor; boilerpipe and its forks are unmaintained, recursive over their
 * own DOM and bring Xerces/NekoHTML; goose/crux are recursive and heavier. This is one linear traversal
 * plus a walk up at most {@code maxDepth + 2} ancestors per block, with no recursion, so it is bounded by
 * the page size whatever the page's shape.
 */
final class TextDensityExtractor {
    /** Shortest block (chars outside links) that counts as article text. */
    static final int MIN_GOOD_CHARS = 60;

    private static final double MAX_GOOD_LINK_DENSITY = 1.0 / 3;
    private static final double MAX_KEPT_LINK_DENSITY = 0.5;
    private static final Set<String> CHROME_TAGS =
            Set.of("nav", "header", "footer", "aside", "menu", "button", "select", "template");
    private static final Pattern CHROME_NAMES = Pattern.compile(
            "(?:^|[\\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|comments?|share|sharing|social|cookies?"
                    + "|consent|related|breadcrumbs?|promo|newsletter|masthead|banner|advert|ads|popup|modal)(?:$|[\\s_-])",
            Pattern.CASE_INSENSITIVE);
    /** Class and id values longer than this are not examined (keeps the regex work per element small). */
    private static final int MAX_NAME_CHARS = 200;

    /** A text block: its collapsed text, length, chars inside links, and the block element that holds it. */
    record Block(String text, int chars, int linkChars, Element holder) {
        /** The share of the block's chars that are link text. */
        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    private TextDensityExtractor() {}

    /** The body paragraphs of {@code doc}, possibly none; see the class comment. */
    static List<String> extract(Document doc) {
        return extractBlocks(doc).stream().map(Block::text).toList();
    }

    /** The body blocks of {@code doc}, possibly none; see the class comment. */
    static List<Block> extractBlocks(Document doc) {
        Element root = doc.body() == null ? doc : doc.body();
        List<Block> blocks = blocks(root);

        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Block b : blocks) {
            int text = b.chars - b.linkChars;
            if (text >= MIN_GOOD_CHARS && b.linkChars < b.chars * MAX_GOOD_LINK_DENSITY) {
                Element parent = b.holder.parent() == null ? b.holder : b.holder.parent();
                scores.merge(parent, (double) text, Double::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), text / 2.0, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Block b : blocks) { // document order, so ties go to the first element
            for (Element e : new Element[] {
                b.holder.parent(),
                b.holder.parent() == null ? null : b.holder.parent().parent()
            }) {
                Double score = e == null ? null : scores.get(e);
                if (score != null && score > bestScore) {
                    best = e;
                    bestScore = score;
                }
            }
        }
        List<Block> out = new ArrayList<>();
        if (best == null) {
            return out;
        }
        for (Block b : blocks) {
            if (b.linkChars <= b.chars * MAX_KEPT_LINK_DENSITY && isInside(b.holder, best)) {
                out.add(b);
            }
        }
        return out;
    }

    private static boolean isInside(Element e, Element ancestor) {
        for (Element x = e; x != null; x = x.parent()) {
            if (x == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The text blocks of {@code root} outside page chrome, in document order. */
    static List<Block> blocks(Element root) {
        List<Block> out = new ArrayList<>();
        Deque<Element> holders = new ArrayDeque<>();
        holders.push(root);
        StringBuilder text = new StringBuilder();
        int[] links = {0, 0}; // open <a> elements, link chars in the current block
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            String s = t.getWholeText();
                            text.append(s);
                            if (links[0] > 0) {
                                links[1] += s.length();
                            }
                            return FilterResult.CONTINUE;
                        }
                        if (!(node instanceof Element el) || node == root) {
                            return FilterResult.CONTINUE;
                        }
                        String tag = el.normalName();
                        if (HtmlArticleParser.isSkippedTag(tag) || isChrome(el, tag)) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (tag.equals("a")) {
                            links[0]++;
                        }
                        if (HtmlArticleParser.isBlock(el)) {
                            flush(out, text, links, holders.peek());
                            holders.push(el);
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        if (node instanceof Element el && node != root) {
                            String tag = el.normalName();
                            if (tag.equals("a")) {
                                links[0]--;
                            }
                            if (HtmlArticleParser.isBlock(el)) {
                                flush(out, text, links, holders.peek());
                                holders.pop();
                            }
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                root);
        flush(out, text, links, holders.peek());
        return out;
    }

    private static void flush(List<Block> out, StringBuilder text, int[] links, Element holder) {
        if (text.length() > 0) {
            String t = Texts.collapse(text.toString());
            if (!t.isEmpty()) {
                int linkChars = Math.min(links[1], t.length());
                out.add(new Block(t, t.length(), linkChars, holder));
            }
            text.setLength(0);
        }
        links[1] = 0;
    }

    private static boolean isChrome(Element el, String tag) {
        if (CHROME_TAGS.contains(tag)) {
            return true;
        }
        String cls = el.className();
        String id = el.id();
        return (!cls.isEmpty()
                        && cls.length() <= MAX_NAME_CHARS
                        && CHROME_NAMES.matcher(cls).find())
                || (!id.isEmpty()
                        && id.length() <= MAX_NAME_CHARS
                        && CHROME_NAMES.matcher(id).find());
    }
}
