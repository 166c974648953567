package io.newsline.producer.read;

import io.newsline.producer.FailureReason;
import java.util.Objects;

/** Why a file's bytes cannot become an article, with a human-readable detail for the report. */
public record Rejection(FailureReason reason, String detail) implements DecodeResult {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
