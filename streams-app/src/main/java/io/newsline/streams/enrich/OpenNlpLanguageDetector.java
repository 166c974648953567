package io.newsline.streams.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language detection with Apache OpenNLP's language-detection model ({@code langdetect-183.bin} from
 * {@code org.apache.opennlp:opennlp-models-langdetect}, 103 languages, Apache-2.0). The model is loaded once per
 * JVM; a detector instance per thread, because OpenNLP's ME classes are not documented as thread-safe.
 *
 * <p>The model answers in ISO 639-3; this returns the ISO 639-1 code where one exists ({@code eng} -> {@code
 * en}), else the 639-3 code. The model's probabilities are spread over 103 languages (a clear English paragraph
 * gets about 0.2, the runner-up 0.03), so a prediction is taken when it leads the runner-up by {@link #MIN_LEAD};
 * a short text or a near tie falls back to the stop-word detector, which is reliable on little text for the
 * languages it knows and says {@code und} otherwise.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {
    static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Below this many letters a character n-gram model guesses; the stop-word profile is better there. */
    static final int MIN_LETTERS = 40;

    /** How many times likelier than the runner-up the best language must be (close relatives score near it). */
    static final double MIN_LEAD = 1.25;

    /** Macro-language members the model reports whose 639-1 code is the macro-language's. */
    private static final Map<String, String> MEMBERS = Map.of(
            "cmn", "zh", "pes", "fa", "zlm", "ms", "lvs", "lv", "ekk", "et", "arb", "ar", "swh", "sw", "uzn", "uz",
            "azj", "az", "npi", "ne");

    private static final Map<String, String> ISO_639_1 = iso6391ByIso6393();

    private final LanguageDetector fallback;
    private final ThreadLocal<LanguageDetectorME> detectors =
            ThreadLocal.withInitial(() -> new LanguageDetectorME(Model.INSTANCE));

    public OpenNlpLanguageDetector() {
        this(new StopwordLanguageDetector());
    }

    public OpenNlpLanguageDetector(LanguageDetector fallback) {
        this.fallback = fallback;
    }

    @Override
    public String detect(String text) {
        if (text == null || letters(text) < MIN_LETTERS) {
            return fallback.detect(text == null ? "" : text);
        }
        Language[] ranked = detectors.get().predictLanguages(text);
        if (ranked.length == 0
                || (ranked.length > 1 && ranked[0].getConfidence() < MIN_LEAD * ranked[1].getConfidence())) {
            return fallback.detect(text);
        }
        return toIso6391(ranked[0].getLang());
    }

    static String toIso6391(String iso6393) {
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
        return Map.copyOf(codes);
    }

    /** Loaded on first use: 10 MB that a JVM not enriching articles never reads. */
    private static final class Model {
        static final LanguageDetectorModel INSTANCE = load();

        private static LanguageDetectorModel load() {
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
    }
}
