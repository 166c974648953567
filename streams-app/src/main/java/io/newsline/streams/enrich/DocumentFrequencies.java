package io.newsline.streams.enrich;

import io.newsline.streams.parse.ArticleFormats;
import io.newsline.streams.parse.ParsedArticle;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Document frequencies of lower-case terms in a background corpus, shipped as {@code
 * document-frequencies.tsv} (numbers only: how many documents use each word in lower case; no text of the
 * corpus). Two uses: the inverse document frequency of {@link KeywordExtractor}'s TF-IDF, and telling a
 * common word that opens a sentence ({@code Century}, {@code Investors}) from a name.
 *
 * <p>Rebuild the table with {@code java -cp newsline.jar io.newsline.streams.enrich.DocumentFrequencies
 * ../shared/corpus/bbc streams-app/src/main/resources/io/newsline/streams/enrich/document-frequencies.tsv}.
 * A term counts for a document when the document's body uses it at least once written in lower case
 * (folded as {@link KeywordExtractor} folds it); terms in fewer than {@value #MIN_DF} documents are left
 * out.
 */
public final class DocumentFrequencies {
    static final String RESOURCE = "document-frequencies.tsv";
    private static final int MIN_DF = 2;
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

    /** Builds the table from every {@code .txt} / {@code .html} / {@code .htm} file under a directory. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DocumentFrequencies CORPUS_DIR OUTPUT.tsv");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        ArticleFormats parser = new ArticleFormats();
        Map<String, Integer> counts = new TreeMap<>();
        int docs = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(txt|html?)$"))
                    .sorted()
                    .toList();
        }
        Instant now = Instant.now();
        for (Path file : files) {
            ParsedArticle article;
            try {
                article = parser.parse(read(file), file.getFileName().toString(), null, null, now);
            } catch (RuntimeException e) {
                continue;
            }
            Set<String> terms = new HashSet<>();
            for (String paragraph : article.bodyParagraphs()) {
                for (Tokenizer.Token t : Tokenizer.tokenize(paragraph)) {
                    if (!t.capitalised()) {
                        String term = KeywordExtractor.term(t.text(), true, Set.of());
                        if (term != null) {
                            terms.add(term);
                        }
                    }
                }
            }
            docs++;
            terms.forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            w.write("# Newsline document frequencies: in how many documents of a background corpus each term is\n");
            w.write(
                    "# written in lower case (numbers only). Built by io.newsline.streams.enrich.DocumentFrequencies\n");
            w.write("# from " + docs + " documents (" + dir.getFileName() + "); terms in fewer than " + MIN_DF
                    + " documents omitted.\n");
            w.write("@documents\t" + docs + "\n");
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() >= MIN_DF) {
                    w.write(e.getKey() + "\t" + e.getValue() + "\n");
                }
            }
        }
        System.out.println(docs + " documents, " + counts.size() + " terms -> " + args[1]);
    }

    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
