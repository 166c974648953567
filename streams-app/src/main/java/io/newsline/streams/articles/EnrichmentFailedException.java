package io.newsline.streams.articles;

/**
 * Enrichment of one article failed; its message names the article, its source and what failed, and is
 * the dead-letter reason (the topology's processing exception handler routes it to the dead-letter topic).
 */
public class EnrichmentFailedException extends RuntimeException {
    public EnrichmentFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
