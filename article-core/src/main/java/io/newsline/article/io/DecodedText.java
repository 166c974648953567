package io.newsline.article.io;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A file's content as text.
 *
 * @param text the whole content, decoded with {@code charset} (a byte-order mark is not part of it)
 * @param charset the character set the bytes were decoded with
 * @param mediaType {@link MediaTypes#TEXT_HTML} or {@link MediaTypes#TEXT_PLAIN}
 */
public record DecodedText(String text, Charset charset, String mediaType) implements DecodeResult {
    public DecodedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
