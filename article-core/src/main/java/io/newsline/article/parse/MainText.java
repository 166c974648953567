package io.newsline.article.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses a page's main text between two extractors' results and removes the link lists left in it.
 *
 * <ol>
 *   <li><b>Choice.</b> Readability's blocks, unless they are implausible: none, or less than {@value
 *       #MIN_SHARE_OF_OTHER} of the text (outside links) the block text-density extractor found; then the
 *       density extractor's. When the page carries a schema.org {@code articleBody} (JSON-LD) of at least
 *       {@value #MIN_ARTICLE_BODY_CHARS} chars, the publisher has said what the article is: the candidate
 *       whose words overlap it best (F1) wins instead.
 *   <li><b>Link lists.</b> A block whose text is mostly links ({@value #MAX_LINK_DENSITY} or more) is a
 *       teaser or navigation line, not article text, and is dropped; a short heading-like block (no
 *       sentence end) that introduced a dropped run ({@code More:}, {@code Related coverage}) goes with it.
 * </ol>
 */
final class MainText {
    static final double MIN_SHARE_OF_OTHER = 0.4;
    static final int MIN_ARTICLE_BODY_CHARS = 400;
    static final double MAX_LINK_DENSITY = 0.5;
    private static final int MAX_INTRO_WORDS = 8;
    static final int MIN_PROSE_WORDS = 15;
    static final int MAX_FURNITURE_WORDS = 10;
    private static final int MAX_FURNITURE_BLOCKS = 8;
    private static final Pattern URL_LINE = Pattern.compile("(?:https?://|www\\.)\\S+|/\\*.*");
    private static final java.util.Set<String> TEASER_HOLDERS =
            java.util.Set.of("li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private MainText() {}

    static List<String> choose(
            List<TextDensityExtractor.Block> readability,
            List<TextDensityExtractor.Block> density,
            String articleBody) {
        List<TextDensityExtractor.Block> chosen;
        if (readability.isEmpty()) {
            chosen = density;
        } else if (density.isEmpty()) {
            chosen = readability;
        } else if (articleBody != null && articleBody.length() >= MIN_ARTICLE_BODY_CHARS) {
            chosen = f1(articleBody, readability) >= f1(articleBody, density) ? readability : density;
        } else {
            chosen = textChars(readability) < MIN_SHARE_OF_OTHER * textChars(density) ? density : readability;
        }
        return withoutLinkLists(chosen);
    }

    /**
     * {@code body} without the page furniture extractors leave above the article's first prose paragraph
     * (one of at least {@value #MIN_PROSE_WORDS} words): the headline again (with or without a site suffix),
     * the page's URL, bylines, "Updated 5:27 am CST, Wednesday, ..." lines, kickers and place lines. Any
     * block there of at most {@value #MAX_FURNITURE_WORDS} words that does not end like a sentence, or that
     * contains the headline, goes; nothing goes when the body has no prose paragraph.
     */
    static List<String> withoutLeadingFurniture(List<String> body, String title) {
        int prose = -1;
        for (int i = 0; i < Math.min(body.size(), MAX_FURNITURE_BLOCKS + 1); i++) {
            if (Texts.wordCount(body.get(i)) >= MIN_PROSE_WORDS) {
                prose = i;
                break;
            }
        }
        if (prose <= 0) {
            return body;
        }
        String titleKey = title == null ? "" : Texts.comparable(title);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String b = body.get(i);
            boolean furniture = i < prose
                    && ((Texts.wordCount(b) <= MAX_FURNITURE_WORDS && !Texts.endsLikeSentence(b))
                            || (titleKey.length() >= 10 && Texts.comparable(b).contains(titleKey))
                            || URL_LINE.matcher(b).matches());
            if (!furniture) {
                out.add(b);
            }
        }
        return out;
    }

    /** The blocks' text without link-dominated blocks and the short lines that introduce them. */
    static List<String> withoutLinkLists(List<TextDensityExtractor.Block> blocks) {
        List<String> out = new ArrayList<>();
        boolean[] drop = new boolean[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            drop[i] = blocks.get(i).linkDensity() >= MAX_LINK_DENSITY;
        }
        // A lone link line between prose ("Get it at Example for $20", a source URL) belongs to the text; a
        // run of them, a linked list item or heading, or a line in capitals (a promoted headline) is a teaser.
        boolean[] linky = drop.clone();
        for (int i = 0; i < blocks.size(); i++) {
            if (linky[i]) {
                boolean run = (i > 0 && linky[i - 1]) || (i + 1 < blocks.size() && linky[i + 1]);
                drop[i] = run
                        || TEASER_HOLDERS.contains(blocks.get(i).holder().normalName())
                        || Capitals.isAllCaps(blocks.get(i).text());
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (!drop[i]
                    && i + 1 < blocks.size()
                    && drop[i + 1]
                    && introducesList(blocks.get(i).text())) {
                drop[i] = true;
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (!drop[i]) {
                out.add(blocks.get(i).text());
            }
        }
        return out;
    }

    private static boolean introducesList(String text) {
        String t = text.strip();
        return Texts.wordCount(t) <= MAX_INTRO_WORDS
                && !t.endsWith(".")
                && !t.endsWith("?")
                && !t.endsWith("!")
                && !t.endsWith("\u201D")
                && !t.endsWith("\"");
    }

    private static long textChars(List<TextDensityExtractor.Block> blocks) {
        long n = 0;
        for (TextDensityExtractor.Block b : blocks) {
            n += b.chars() - b.linkChars();
        }
        return n;
    }

    /** Bag-of-words F1 of the blocks' text against {@code reference} (lower case, letters and digits). */
    static double f1(String reference, List<TextDensityExtractor.Block> blocks) {
        Map<String, Integer> want = bag(reference);
        StringBuilder text = new StringBuilder();
        for (TextDensityExtractor.Block b : blocks) {
            text.append(b.text()).append('\n');
        }
        Map<String, Integer> got = bag(text.toString());
        long matched = 0;
        long nWant = 0;
        long nGot = 0;
        for (int c : want.values()) {
            nWant += c;
        }
        for (Map.Entry<String, Integer> g : got.entrySet()) {
            nGot += g.getValue();
            matched += Math.min(g.getValue(), want.getOrDefault(g.getKey(), 0));
        }
        if (matched == 0) {
            return 0;
        }
        double p = (double) matched / nGot;
        double r = (double) matched / nWant;
        return 2 * p * r / (p + r);
    }

    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }
}
