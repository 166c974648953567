package io.newsline.producer.read;

import io.newsline.article.io.NotText;
import java.util.Objects;

/** Why a file will not be published, with a human-readable detail for the report. */
public record Rejection(FailureReason reason, String detail) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** The producer's reason for content the decoder found not to be text. */
    static Rejection of(NotText notText) {
        FailureReason reason =
                switch (notText.reason()) {
                    case EMPTY -> FailureReason.EMPTY;
                    case BINARY -> FailureReason.BINARY;
                    case UNDECODABLE -> FailureReason.UNDECODABLE;
                };
        return new Rejection(reason, notText.detail());
    }
}
