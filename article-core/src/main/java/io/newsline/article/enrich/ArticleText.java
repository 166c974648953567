package io.newsline.article.enrich;

import io.newsline.article.parse.ArticleParts;
import io.newsline.article.parse.Capitals;
import io.newsline.article.parse.Subheads;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The text of one article as the enrichment components see it: headline, optional dek, and body
 * paragraphs with each paragraph marked as prose or sub-head. The lead paragraph is the first body
 * paragraph that is not a sub-head.
 */
public final class ArticleText {
    private final String title;
    private final String dek;
    private final List<String> paragraphs;
    private final boolean[] subheads;
    private final int lead;
    /** Tokens per paragraph, computed on first use (benign race: recomputation gives equal lists). */
    private volatile List<List<Tokenizer.Token>> tokens;

    private ArticleText(String title, String dek, List<String> paragraphs) {
        this.title = Objects.requireNonNull(title, "title");
        this.dek = dek == null || dek.isBlank() ? null : dek;
        this.paragraphs = List.copyOf(paragraphs);
        this.subheads = new boolean[this.paragraphs.size()];
        int firstProse = -1;
        for (int i = 0; i < subheads.length; i++) {
            subheads[i] = Subheads.isSubhead(this.paragraphs.get(i));
            if (!subheads[i] && firstProse < 0) {
                firstProse = i;
            }
        }
        this.lead = firstProse;
    }

    /**
     * The text of a parsed article. A headline in capitals (wire copy) is read with the body's casing of
     * its words ({@link Capitals#truecase}), so that the headline's names count as mentions and its common
     * words are not taken for names; the article itself keeps the headline as published.
     */
    public static ArticleText of(ArticleParts article) {
        return new ArticleText(
                Capitals.truecase(article.title(), article.bodyParagraphs()), article.dek(), article.bodyParagraphs());
    }

    /** The text of an article given by its parts; {@code dek} may be {@code null}. */
    public static ArticleText of(String title, String dek, List<String> bodyParagraphs) {
        return new ArticleText(title, dek, bodyParagraphs);
    }

    public String title() {
        return title;
    }

    /** The dek, or {@code null}. */
    public String dek() {
        return dek;
    }

    public List<String> paragraphs() {
        return paragraphs;
    }

    /** Whether body paragraph {@code index} is a sub-head. */
    public boolean isSubhead(int index) {
        return subheads[index];
    }

    /** The tokens of body paragraph {@code index}; shared by the components so each paragraph is tokenised once. */
    List<Tokenizer.Token> tokens(int index) {
        List<List<Tokenizer.Token>> t = tokens;
        if (t == null) {
            List<List<Tokenizer.Token>> all = new ArrayList<>(paragraphs.size());
            for (String p : paragraphs) {
                all.add(Tokenizer.tokenize(p));
            }
            t = List.copyOf(all);
            tokens = t;
        }
        return t.get(index);
    }

    /** Index of the lead (first prose) paragraph, or -1 when the body has no prose. */
    public int leadIndex() {
        return lead;
    }
}
