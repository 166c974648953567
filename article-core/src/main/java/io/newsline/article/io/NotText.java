package io.newsline.article.io;

import java.util.Objects;

/** Why a file's bytes are not text, with a human-readable detail for reports. */
public record NotText(Reason reason, String detail) implements DecodeResult {
    /** The kinds of content {@link TextDecoder} refuses. */
    public enum Reason {
        /** No bytes, or nothing but whitespace. */
        EMPTY,
        /** NUL bytes or many control characters. */
        BINARY,
        /** Not valid UTF-8, and neither a declared nor a guessed charset gives text. */
        UNDECODABLE
    }

    public NotText {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
