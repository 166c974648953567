package io.newsline.article.enrich;

/**
 * Guesses the language of a text. Implementations must be thread-safe. v1 is {@link
 * StopwordLanguageDetector}; a model-based detector can replace it behind this interface.
 */
public interface LanguageDetector {
    /** Code returned when the detector is unsure. */
    String UNDETERMINED = "und";

    /** ISO 639-1 code of the text's language, or {@link #UNDETERMINED}. */
    String detect(String text);
}
