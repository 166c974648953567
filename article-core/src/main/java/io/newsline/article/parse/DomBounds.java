package io.newsline.article.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Bounds the depth of a jsoup DOM before recursive code (readability4j) walks it. jsoup itself parses and
 * traverses iteratively, so a page of 20,000 nested {@code <div>}s or thousands of unclosed {@code <b><i>}
 * tags parses fine into a tree that deep; readability4j then recurses once or more per level and
 * overflows the stack.
 */
final class DomBounds {
    private DomBounds() {}

    /**
     * Flattens every element at depth {@code maxDepth} (the document is depth 0) that has child elements:
     * its content becomes one {@code <p>} per text block, as {@link HtmlArticleParser#paragraphs(Element)}
     * reads it, so the text and its paragraph breaks are kept and nothing is deeper than {@code maxDepth +
     * 2}. Iterative: one pass of jsoup's {@link NodeTraversor} finds the elements, then each is flattened
     * with another. Returns the size of the document afterwards.
     */
    static Size flattenDeeperThan(Node root, int maxDepth) {
        List<Element> tooDeep = new ArrayList<>();
        int[] nodes = {0};
        long[] weight = {0};
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        nodes[0]++;
                        weight[0] += depth;
                        if (depth >= maxDepth && node instanceof Element el && el.childrenSize() > 0) {
                            tooDeep.add(el);
                            return FilterResult.SKIP_CHILDREN;
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        return FilterResult.CONTINUE;
                    }
                },
                root);
        for (Element el : tooDeep) {
            List<String> blocks = HtmlArticleParser.paragraphs(el);
            el.empty();
            for (String block : blocks) {
                el.appendElement("p").text(block);
            }
            nodes[0] += 2 * blocks.size();
            weight[0] += (2L * maxDepth + 3) * blocks.size(); // each <p> and its text
        }
        return new Size(nodes[0], weight[0]);
    }

    /**
     * The size of a DOM: its number of nodes, and the sum over all nodes of their depth (how much work a
     * pass that looks at every node's ancestors, or every element's descendants, does).
     */
    record Size(int nodes, long weight) {}
}
