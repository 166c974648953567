package io.newsline.serde;

/**
 * No configured registry URL gave a usable answer within the bounded retries: every attempt failed to
 * connect, timed out, or got HTTP 5xx / 429. {@link #httpStatus()} is the last status seen, if any.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {
    public SchemaRegistryUnavailableException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, httpStatus, errorCode, cause);
    }
}
