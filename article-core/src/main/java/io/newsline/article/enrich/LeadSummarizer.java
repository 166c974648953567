package io.newsline.article.enrich;

import io.newsline.article.parse.Scripts;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A lead summary: the first sentence of the body, plus the second when both fit in the length cap.
 * Sub-heads, and a paragraph or sentence that repeats the dek or the headline, are skipped. A first
 * sentence longer than the cap is cut at a word boundary and ends with an ellipsis.
 */
public final class LeadSummarizer {
    private static final int DEFAULT_MAX_CHARS = 300;
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final int maxChars;

    public LeadSummarizer() {
        this(DEFAULT_MAX_CHARS);
    }

    /** A summarizer whose summaries have at most {@code maxChars} characters. */
    public LeadSummarizer(int maxChars) {
        if (maxChars < 20) {
            throw new IllegalArgumentException("maxChars must be at least 20");
        }
        this.maxChars = maxChars;
    }

    /** The summary, or an empty string when the body has no prose. */
    public String summarize(ArticleText text) {
        String dekKey = text.dek() == null ? null : key(text.dek());
        String titleKey = key(text.title());
        StringBuilder out = new StringBuilder();
        List<String> paragraphs = text.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (text.isSubhead(i)) {
                continue;
            }
            for (String sentence : SentenceSplitter.split(paragraphs.get(i))) {
                String k = key(sentence);
                if (k.isEmpty() || k.equals(dekKey) || k.equals(titleKey)) {
                    continue;
                }
                if (out.length() == 0) {
                    if (sentence.length() > maxChars) {
                        return truncate(sentence);
                    }
                    out.append(sentence);
                } else {
                    // Chinese and Japanese put no space between sentences.
                    String gap = Scripts.isCjkTerminal(out.charAt(out.length() - 1)) ? "" : " ";
                    if (out.length() + gap.length() + sentence.length() <= maxChars) {
                        out.append(gap).append(sentence);
                    }
                    return out.toString();
                }
            }
        }
        return out.toString();
    }

    private String truncate(String sentence) {
        int cut = sentence.lastIndexOf(' ', maxChars - 1);
        if (cut < maxChars / 2) {
            cut = maxChars - 1;
        }
        String head = sentence.substring(0, cut).stripTrailing();
        while (!head.isEmpty() && ",;:-\u2013\u2014".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + "\u2026";
    }

    private static String key(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NON_ALNUM.matcher(n).replaceAll(" ").strip();
    }
}
