package io.newsline.article.enrich;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Document frequencies of lower-case terms in a background corpus, shipped as {@code
 * document-frequencies.tsv} (numbers only: how many documents use each word in lower case; no text of the
 * corpus). Two uses: the inverse document frequency of {@link KeywordExtractor}'s TF-IDF, and telling a
 * common word that opens a sentence ({@code Century}, {@code Investors}) from a name.
 *
 * <p>Rebuild the table with {@code java -cp cli/target/newsline.jar io.newsline.eval.DocumentFrequencyBuilder
 * ../shared/corpus/bbc article-core/src/main/resources/io/newsline/article/enrich/document-frequencies.tsv}.
 * A term counts for a document when the document's body uses it at least once written in lower case
 * (folded as {@link KeywordExtractor} folds it); terms in fewer than {@value #MIN_DF} documents are left
 * out.
 */
public final class DocumentFrequencies {
    /** Terms in fewer documents than this are left out of the table. */
    public static final int MIN_DF = 2;

    static final String RESOURCE = "document-frequencies.tsv";
    private static final DocumentFrequencies SHIPPED = load();

    private final int documents;
    private final Map<String, Integer> df;

    private DocumentFrequencies(int documents, Map<String, Integer> df) {
        this.documents = documents;
        this.df = df;
    }

    /** The shipped table. */
    public static DocumentFrequencies shipped() {
        return SHIPPED;
    }

    public int documents() {
        return documents;
    }

    /** Documents using {@code term} (lower case, plural folded) in lower case; 0 when unknown or rare. */
    public int df(String term) {
        return df.getOrDefault(term, 0);
    }

    /** Smoothed inverse document frequency: {@code ln((N + 1) / (df + 1)) + 1}. */
    public double idf(String term) {
        return Math.log((documents + 1.0) / (df(term) + 1.0)) + 1.0;
    }

    /** Whether a word is common in lower case: used in at least {@code share} of the documents. */
    public boolean isCommonWord(String term, double share) {
        return documents > 0 && df(term) >= share * documents;
    }

    private static DocumentFrequencies load() {
        int n = 0;
        Map<String, Integer> map = new HashMap<>();
        for (String line : Resources.lines(RESOURCE)) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String key = line.substring(0, tab);
            int value = Integer.parseInt(line.substring(tab + 1).strip());
            if (key.equals("@documents")) {
                n = value;
            } else {
                map.put(key, value);
            }
        }
        return new DocumentFrequencies(n, Map.copyOf(map));
    }

    /**
     * The terms a document counts for: every body word written in lower case at least once, folded as {@link
     * KeywordExtractor} folds it. The table's builder ({@code io.newsline.eval.DocumentFrequencyBuilder}) counts
     * these over a corpus.
     */
    public static Set<String> documentTerms(List<String> bodyParagraphs) {
        Set<String> terms = new HashSet<>();
        for (String paragraph : bodyParagraphs) {
            for (Tokenizer.Token t : Tokenizer.tokenize(paragraph)) {
                if (!t.capitalised()) {
                    String term = KeywordExtractor.term(t.text(), true, Set.of());
                    if (term != null) {
                        terms.add(term);
                    }
                }
            }
        }
        return terms;
    }
}
