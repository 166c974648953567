package io.newsline.benchmarks;

import io.newsline.article.enrich.LanguageDetector;
import io.newsline.article.enrich.OpenNlpLanguageDetector;
import io.newsline.article.enrich.StopwordLanguageDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language detection of Newsline against OpenNLP's own evaluation of the same model over the whole text, on
 * labelled sentences: a directory of {@code CODE.txt} files (ISO 639-1 code, one sentence per line), such as
 * the test sentences of the Lingua project (Apache-2.0; {@code src/accuracyReport/resources/language-testdata/
 * sentences} of github.com/pemistahl/lingua, 79 languages, not shipped here). Consecutive sentences are joined
 * into texts of about {@code --chars} characters (like the title-and-lead sample the enricher passes), so each
 * file gives many texts.
 *
 * <p>The reference is {@code LanguageDetectorME.predictLanguages} on the whole text with the detector's rules
 * (fewer than 40 letters or a lead under 1.25 over the runner-up: the stop-word detector; ISO 639-1 codes): what
 * {@link OpenNlpLanguageDetector} answered before it read a first pass. Printed per language and in total: how
 * many texts, how many each got right, how many answers agree, and thread CPU time per text.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.newsline.benchmarks.LanguageAgreement [--chars N] DIR
 * </pre>
 */
public final class LanguageAgreement {
    private LanguageAgreement() {}

    public static void main(String[] args) throws IOException {
        int chars = 1200;
        Path dir = null;
        for (int a = 0; a < args.length; a++) {
            if (args[a].equals("--chars")) {
                chars = Integer.parseInt(args[++a]);
            } else {
                dir = Path.of(args[a]);
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("usage: LanguageAgreement [--chars N] DIR (of CODE.txt files)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .toList();
        }
        LanguageDetector fallback = new StopwordLanguageDetector();
        LanguageDetector detector = new OpenNlpLanguageDetector();
        LanguageDetectorME opennlp = new LanguageDetectorME(loadModel());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Warm both up on the first file so that neither pays for compilation in the figures.
        for (String text : texts(files.get(0), chars)) {
            detector.detect(text);
            reference(opennlp, fallback, text);
        }
        Map<String, int[]> byLanguage = new TreeMap<>();
        long newNanos = 0;
        long refNanos = 0;
        for (Path file : files) {
            String label = file.getFileName().toString().replaceFirst("\\.txt$", "");
            int[] counts = byLanguage.computeIfAbsent(label, k -> new int[4]);
            for (String text : texts(file, chars)) {
                long t0 = threads.getCurrentThreadCpuTime();
                String answer = detector.detect(text);
                long t1 = threads.getCurrentThreadCpuTime();
                String expected = reference(opennlp, fallback, text);
                long t2 = threads.getCurrentThreadCpuTime();
                newNanos += t1 - t0;
                refNanos += t2 - t1;
                counts[0]++;
                counts[1] += expected.equals(label) ? 1 : 0;
                counts[2] += answer.equals(label) ? 1 : 0;
                counts[3] += answer.equals(expected) ? 1 : 0;
            }
        }
        int[] total = new int[4];
        System.out.printf(Locale.ROOT, "%-5s %6s %10s %10s %10s%n", "lang", "texts", "reference", "newsline", "agree");
        byLanguage.forEach((lang, c) -> {
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
            System.out.printf(Locale.ROOT, "%-5s %6d %10d %10d %10d%n", lang, c[0], c[1], c[2], c[3]);
        });
        System.out.printf(
                Locale.ROOT,
                "total %6d %10d %10d %10d   right: reference %.4f, newsline %.4f; agreement %.4f%n",
                total[0],
                total[1],
                total[2],
                total[3],
                total[1] / (double) total[0],
                total[2] / (double) total[0],
                total[3] / (double) total[0]);
        System.out.printf(
                Locale.ROOT,
                "thread CPU per text of about %d chars: reference %.1f us, newsline %.1f us%n",
                chars,
                refNanos / 1e3 / total[0],
                newNanos / 1e3 / total[0]);
    }

    /** OpenNLP's evaluation of the whole text with the detector's rules. */
    private static String reference(LanguageDetectorME opennlp, LanguageDetector fallback, String text) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < OpenNlpLanguageDetector.MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        if (letters < OpenNlpLanguageDetector.MIN_LETTERS) {
            return fallback.detect(text);
        }
        Language[] ranked = opennlp.predictLanguages(text);
        if (ranked[0].getConfidence() < OpenNlpLanguageDetector.MIN_LEAD * ranked[1].getConfidence()) {
            return fallback.detect(text);
        }
        return OpenNlpLanguageDetector.toIso6391(ranked[0].getLang());
    }

    private static List<String> texts(Path file, int chars) throws IOException {
        List<String> texts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String sentence : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            // The first sentence stands alone on its line, like a headline above the body.
            sb.append(sentence.strip()).append(sb.isEmpty() ? '\n' : ' ');
            if (sb.length() >= chars) {
                texts.add(sb.toString().strip());
                sb.setLength(0);
            }
        }
        return texts;
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = LanguageAgreement.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin is not on the class path");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
