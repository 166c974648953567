package io.newsline.article.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language detection with Apache OpenNLP's language-detection model ({@code langdetect-183.bin} from
 * {@code org.apache.opennlp:opennlp-models-langdetect}, 103 languages, Apache-2.0), evaluated by {@link
 * CharNgramLanguageModel} (the same scores as OpenNLP's {@code LanguageDetectorME}, at a fraction of the
 * cost). The model is loaded once per JVM.
 *
 * <p>The model answers in ISO 639-3; this returns the ISO 639-1 code where one exists ({@code eng} -> {@code
 * en}), else the 639-3 code. The model's probabilities are spread over 103 languages (a clear English paragraph
 * gets about 0.2, the runner-up 0.03), so a prediction is taken when it leads the runner-up by {@link #MIN_LEAD};
 * a short text or a near tie falls back to the stop-word detector, which is reliable on little text for the
 * languages it knows and says {@code und} otherwise.
 *
 * <p>Cost: the work grows with the text, and a few hundred characters of prose settle most articles. So the
 * model first reads the first {@link #PREFIX_CHARS} characters; when the best language there leads the
 * runner-up by {@link #SURE_LEAD} (far more than {@link #MIN_LEAD}), that is the answer; otherwise the whole
 * text is read and decides as above. On the 12,825 BBC and Reuters articles every answer is the same as reading
 * the whole sample; on 6,675 texts of about 1,200 characters in 79 languages (the Lingua project's test
 * sentences) 6 answers differ and as many are right (docs/evaluation.md; {@code LanguageAgreement} in {@code
 * benchmarks/}).
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {
    static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Below this many letters a character n-gram model guesses; the stop-word profile is better there. */
    public static final int MIN_LETTERS = 40;

    /** How many times likelier than the runner-up the best language must be (close relatives score near it). */
    public static final double MIN_LEAD = 1.25;

    /** How much of the text the first pass reads, in characters (cut at a space). */
    static final int PREFIX_CHARS = 300;

    /** The lead over the runner-up at which the first pass answers without reading the rest. */
    static final double SURE_LEAD = 3.0;

    /** Macro-language members the model reports whose 639-1 code is the macro-language's. */
    private static final Map<String, String> MEMBERS = Map.of(
            "cmn", "zh", "pes", "fa", "zlm", "ms", "lvs", "lv", "ekk", "et", "arb", "ar", "swh", "sw", "uzn", "uz",
            "azj", "az", "npi", "ne");

    private static final Map<String, String> ISO_639_1 = iso6391ByIso6393();

    private final LanguageDetector fallback;
    private final int prefixChars;

    public OpenNlpLanguageDetector() {
        this(new StopwordLanguageDetector());
    }

    public OpenNlpLanguageDetector(LanguageDetector fallback) {
        this(fallback, PREFIX_CHARS);
    }

    /**
     * A detector whose first pass reads {@code prefixChars} characters; 0 reads the whole text at once (what
     * this detector did before the first pass existed, for comparisons).
     */
    public OpenNlpLanguageDetector(LanguageDetector fallback, int prefixChars) {
        if (prefixChars < 0) {
            throw new IllegalArgumentException("prefixChars must not be negative");
        }
        this.fallback = fallback;
        this.prefixChars = prefixChars;
    }

    @Override
    public String detect(String text) {
        if (text == null || letters(text) < MIN_LETTERS) {
            return fallback.detect(text == null ? "" : text);
        }
        CharNgramLanguageModel model = Model.INSTANCE;
        if (prefixChars > 0 && text.length() > prefixChars) {
            CharNgramLanguageModel.Ranking first = model.rank(prefix(text, prefixChars));
            if (first.lead() >= SURE_LEAD) {
                return toIso6391(model.language(first.best()));
            }
        }
        CharNgramLanguageModel.Ranking ranked = model.rank(text);
        if (ranked.lead() < MIN_LEAD) {
            return fallback.detect(text);
        }
        return toIso6391(model.language(ranked.best()));
    }

    /** The text up to the last space before {@code max} characters (or the first {@code max} without one). */
    private static String prefix(String text, int max) {
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max);
    }

    /**
     * The ISO 639-1 code of an ISO 639-3 code where one exists ({@code eng} -> {@code en}, {@code cmn} -> {@code
     * zh}), else the ISO 639-3 code.
     */
    public static String toIso6391(String iso6393) {
        String member = MEMBERS.get(iso6393);
        if (member != null) {
            return member;
        }
        return ISO_639_1.getOrDefault(iso6393, iso6393);
    }

    private static int letters(String text) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }

    private static Map<String, String> iso6391ByIso6393() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            codes.put(new Locale(twoLetter).getISO3Language(), twoLetter);
        }
        // Locale.getISOLanguages() lists Hebrew, Indonesian and Yiddish by their withdrawn codes (iw, in, ji).
        codes.put("heb", "he");
        codes.put("ind", "id");
        codes.put("yid", "yi");
        return Map.copyOf(codes);
    }

    /** Loads OpenNLP's model file; for tests and comparisons with OpenNLP's own evaluation. */
    static LanguageDetectorModel loadOpenNlpModel() {
        try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL_RESOURCE
                        + " is not on the class path (artifact org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenNLP language model " + MODEL_RESOURCE, e);
        }
    }

    /** Loaded on first use: 10 MB that a JVM not enriching articles never reads. */
    private static final class Model {
        static final CharNgramLanguageModel INSTANCE = CharNgramLanguageModel.of(loadOpenNlpModel());
    }
}
