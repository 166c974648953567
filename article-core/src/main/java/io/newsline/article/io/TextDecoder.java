package io.newsline.article.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a file's bytes into text, or says why they are not text.
 *
 * <ol>
 *   <li>A byte-order mark decides the charset (UTF-8, UTF-16BE/LE).
 *   <li>NUL bytes, or more than {@value #MAX_CONTROL_RATIO} of C0 control bytes other than tab, line feed,
 *       form feed and carriage return, mean binary content.
 *   <li>Strict UTF-8 (malformed input is reported, never replaced).
 *   <li>Otherwise the charset the document declares ({@code <meta charset>}, {@code http-equiv} content type
 *       or the XML declaration), then a guess: windows-1252 when bytes 0x80-0x9F occur (they are C1 controls in
 *       ISO-8859-1 but punctuation in windows-1252), else ISO-8859-1. Either is used only if the result looks
 *       like text; a guess must also be mostly ASCII, as Western European text in these charsets is.
 * </ol>
 */
public final class TextDecoder {
    /** Share of control characters above which content is not text. */
    public static final double MAX_CONTROL_RATIO = 0.01;

    /** Share of non-ASCII characters above which a guessed single-byte decoding is not believed. */
    public static final double MAX_GUESSED_NON_ASCII_RATIO = 0.3;

    /** The HTML standard's prescan looks at the first 1024 bytes for a declaration; so do we. */
    private static final int DECLARATION_PRESCAN_BYTES = 1024;

    private static final Pattern XML_DECLARATION = Pattern.compile(
            "\\A\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']", Pattern.CASE_INSENSITIVE);
    /** Matches both {@code <meta charset="x">} and {@code <meta http-equiv=... content="text/html; charset=x">}. */
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public DecodeResult decode(byte[] bytes, String fileName) {
        if (bytes.length == 0) {
            return new NotText(NotText.Reason.EMPTY, "the file has no content (0 bytes)");
        }
        Optional<Bom> bom = Bom.of(bytes);
        if (bom.isPresent()) {
            Charset charset = bom.get().charset;
            Attempt attempt = strictDecode(bytes, bom.get().length, charset);
            if (attempt.text == null) {
                return new NotText(
                        NotText.Reason.UNDECODABLE,
                        "starts with a " + charset.name() + " byte-order mark but is not valid " + charset.name()
                                + " (bad input at offset " + attempt.errorOffset + ")");
            }
            return accept(attempt.text, charset, fileName, false);
        }
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            return new NotText(NotText.Reason.BINARY, "contains NUL bytes (first at offset " + nul + "), not text");
        }
        long controls = countControlBytes(bytes);
        if (controls > bytes.length * MAX_CONTROL_RATIO) {
            return new NotText(NotText.Reason.BINARY, controlsDetail(controls, bytes.length));
        }

        Attempt utf8 = decodeUtf8(bytes);
        if (utf8.text != null) {
            return accept(utf8.text, StandardCharsets.UTF_8, fileName, false);
        }

        int bad = Math.min(utf8.errorOffset, bytes.length - 1);
        String notUtf8 = String.format("not valid UTF-8 (byte 0x%02X at offset %d)", bytes[bad] & 0xFF, bad);
        Optional<Charset> declared = declaredCharset(bytes);
        String declaredNote = "";
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
            Attempt attempt = strictDecode(bytes, 0, declared.get());
            if (attempt.text != null && looksLikeText(attempt.text)) {
                return accept(attempt.text, declared.get(), fileName, false);
            }
            declaredNote =
                    ", nor text in its declared charset " + declared.get().name();
        }
        Charset guess = hasC1Bytes(bytes) ? WINDOWS_1252 : StandardCharsets.ISO_8859_1;
        Attempt attempt = strictDecode(bytes, 0, guess);
        if (attempt.text != null && looksLikeText(attempt.text) && mostlyAscii(attempt.text)) {
            return accept(attempt.text, guess, fileName, true);
        }
        return new NotText(
                NotText.Reason.UNDECODABLE,
                notUtf8 + declaredNote + ", and does not read as text in " + guess.name() + " either");
    }

    private static DecodeResult accept(String text, Charset charset, String fileName, boolean guessed) {
        if (text.isBlank()) {
            return new NotText(NotText.Reason.EMPTY, "contains only whitespace");
        }
        if (!looksLikeText(text)) {
            return new NotText(
                    NotText.Reason.BINARY,
                    "decodes as " + charset.name() + " but is mostly control characters, not text");
        }
        return new DecodedText(text, charset, MediaTypes.detect(fileName, text));
    }

    /** The charset named by an XML declaration or an HTML meta tag near the start, if Java knows it. */
    static Optional<Charset> declaredCharset(byte[] bytes) {
        // Every charset a declaration can sensibly name is ASCII-compatible, so the declaration itself can be
        // read as ISO-8859-1, which maps each byte to one char.
        String head =
                new String(bytes, 0, Math.min(bytes.length, DECLARATION_PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        for (Pattern pattern : new Pattern[] {XML_DECLARATION, META_CHARSET}) {
            Matcher matcher = pattern.matcher(head);
            if (matcher.find()) {
                return charsetNamed(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> charsetNamed(String name) {
        try {
            Charset charset = Charset.forName(name);
            // A declaration read as ASCII cannot be right about UTF-16/32 (the HTML standard ignores those too).
            return Arrays.equals("<a>".getBytes(charset), new byte[] {'<', 'a', '>'})
                    ? Optional.of(charset)
                    : Optional.empty();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** No more control characters (C0 other than whitespace, DEL, C1) and replacement marks than text has. */
    static boolean looksLikeText(String text) {
        long suspicious = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) || (c >= 0x7F && c <= 0x9F) || c == '\uFFFD') {
                suspicious++;
            }
        }
        return suspicious <= text.length() * MAX_CONTROL_RATIO;
    }

    private static boolean mostlyAscii(String text) {
        long nonAscii = text.chars().filter(c -> c > 0x7F).count();
        return nonAscii <= text.length() * MAX_GUESSED_NON_ASCII_RATIO;
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r';
    }

    private static long countControlBytes(byte[] bytes) {
        long count = 0;
        for (byte b : bytes) {
            if (isControl(b & 0xFF) || b == 0x7F) {
                count++;
            }
        }
        return count;
    }

    private static String controlsDetail(long controls, int length) {
        return String.format(
                "%d of %d bytes are control characters (%.1f%%, more than %.0f%%), not text",
                controls, length, 100.0 * controls / length, 100 * MAX_CONTROL_RATIO);
    }

    private static boolean hasC1Bytes(byte[] bytes) {
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u >= 0x80 && u <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Strict UTF-8, as {@link #strictDecode} gives it, but fast for the usual valid input: the JDK's own String
     * decoding (intrinsic for ASCII) replaces every malformed sequence with U+FFFD, so a result without U+FFFD is
     * exactly the strict decoding. Only with one (malformed input, or a genuine U+FFFD) is the input decoded again
     * strictly, to tell the two apart and find the offset of the bad byte.
     */
    static Attempt decodeUtf8(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? new Attempt(text, -1) : strictDecode(bytes, 0, StandardCharsets.UTF_8);
    }

    /** Decodes with REPORT for malformed and unmappable input, so a wrong charset fails instead of guessing. */
    static Attempt strictDecode(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Attempt(null, in.position());
        }
        if (result.isOverflow()) {
            // Cannot happen with maxCharsPerByte sizing; fail loudly rather than return half the text.
            throw new IllegalStateException("decoder output overflow for " + charset);
        }
        return new Attempt(out.flip().toString(), -1);
    }

    record Attempt(String text, int errorOffset) {}

    private enum Bom {
        UTF_8(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
        UTF_16BE(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
        UTF_16LE(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE});

        final Charset charset;
        final byte[] marker;
        final int length;

        Bom(Charset charset, byte[] marker) {
            this.charset = charset;
            this.marker = marker;
            this.length = marker.length;
        }

        static Optional<Bom> of(byte[] bytes) {
            for (Bom bom : values()) {
                if (bytes.length >= bom.length && Arrays.equals(bytes, 0, bom.length, bom.marker, 0, bom.length)) {
                    return Optional.of(bom);
                }
            }
            return Optional.empty();
        }
    }
}
