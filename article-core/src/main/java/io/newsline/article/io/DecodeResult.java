package io.newsline.article.io;

/** What {@link TextDecoder} makes of a file's bytes: text, or the reason there is none. */
public sealed interface DecodeResult permits DecodedText, NotText {}
