package io.newsline.eval;

import io.newsline.article.enrich.DocumentFrequencies;
import io.newsline.article.io.CorpusFiles;
import io.newsline.article.io.DecodedText;
import io.newsline.article.parse.ArticleFormats;
import io.newsline.article.parse.ArticleParts;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a shipped document-frequency table ({@link DocumentFrequencies}) from every article file under one or more
 * directories, read and parsed as the app reads them; numbers only, no text of the corpus. The enrichment's table:
 * {@code java -cp cli/target/newsline.jar io.newsline.eval.DocumentFrequencyBuilder ../shared/corpus/bbc
 * article-core/src/main/resources/io/newsline/article/enrich/document-frequencies.tsv}. Several directories are
 * counted as one corpus (a news and wire table over BBC and Reuters was tried for the story features and not kept:
 * docs/stories.md, "Precision work").
 */
public final class DocumentFrequencyBuilder {
    private DocumentFrequencyBuilder() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DocumentFrequencyBuilder CORPUS_DIR... OUTPUT.tsv");
            System.exit(2);
        }
        List<Path> dirs = Arrays.stream(args, 0, args.length - 1).map(Path::of).toList();
        Path output = Path.of(args[args.length - 1]);
        ArticleFormats parser = new ArticleFormats();
        Map<String, Integer> counts = new TreeMap<>();
        int docs = 0;
        Instant now = Instant.now();
        List<String> names = new ArrayList<>();
        for (Path dir : dirs) {
            names.add(dir.toAbsolutePath().normalize().getFileName().toString());
            for (Path file : CorpusFiles.list(dir)) {
                ArticleParts article;
                try {
                    DecodedText text = CorpusFiles.read(file);
                    article = parser.parse(text.text(), file.getFileName().toString(), text.mediaType(), null, now);
                } catch (IOException | RuntimeException e) {
                    System.err.println("skipped " + file + ": " + e.getMessage());
                    continue;
                }
                docs++;
                DocumentFrequencies.documentTerms(article.bodyParagraphs())
                        .forEach(t -> counts.merge(t, 1, Integer::sum));
            }
        }
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            w.write("# Newsline document frequencies: in how many documents of a background corpus each term is\n");
            w.write("# written in lower case (numbers only). Built by io.newsline.eval.DocumentFrequencyBuilder\n");
            w.write("# from " + docs + " documents (" + String.join(", ", names) + "); terms in fewer than "
                    + DocumentFrequencies.MIN_DF + " documents omitted.\n");
            w.write("@documents\t" + docs + "\n");
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() >= DocumentFrequencies.MIN_DF) {
                    w.write(e.getKey() + "\t" + e.getValue() + "\n");
                }
            }
        }
        System.out.println(docs + " documents, " + counts.size() + " terms -> " + output);
    }
}
