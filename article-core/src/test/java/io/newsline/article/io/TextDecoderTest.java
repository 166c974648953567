package io.newsline.article.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDecoderTest {
    private final TextDecoder decoder = new TextDecoder();

    @Test
    void acceptsUtf8() {
        DecodedText text = decodes("Café ‘quoted’ — fine\n".getBytes(StandardCharsets.UTF_8), "a.txt");
        assertThat(text.text()).isEqualTo("Café ‘quoted’ — fine\n");
        assertThat(text.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(text.mediaType()).isEqualTo(MediaTypes.TEXT_PLAIN);
    }

    @Test
    void dropsUtf8ByteOrderMark() {
        byte[] bytes =
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Hello".getBytes(StandardCharsets.UTF_8));
        DecodedText text = decodes(bytes, "a.txt");
        assertThat(text.text()).isEqualTo("Hello");
        assertThat(text.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void readsUtf16WithByteOrderMarkDespiteItsNulBytes() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Grüße".getBytes(StandardCharsets.UTF_16LE));
        DecodedText text = decodes(bytes, "a.txt");
        assertThat(text.text()).isEqualTo("Grüße");
        assertThat(text.charset()).isEqualTo(StandardCharsets.UTF_16LE);
    }

    @Test
    void rejectsNoBytesAsEmpty() {
        assertRejected(new byte[0], NotText.Reason.EMPTY);
    }

    @Test
    void rejectsWhitespaceOnlyAsEmpty() {
        assertRejected(" \n\t\r\n".getBytes(StandardCharsets.US_ASCII), NotText.Reason.EMPTY);
    }

    @Test
    void rejectsNulBytesAsBinary() {
        NotText rejection = assertRejected(new byte[] {'P', 'K', 3, 4, 0, 0, 'x'}, NotText.Reason.BINARY);
        assertThat(rejection.detail()).contains("NUL").contains("offset 4");
    }

    @Test
    void rejectsManyControlCharactersAsBinary() {
        byte[] bytes = "ab\u0001\u0002\u0003cdefgh\u001b\u0007".getBytes(StandardCharsets.US_ASCII);
        assertRejected(bytes, NotText.Reason.BINARY);
    }

    @Test
    void acceptsInvalidUtf8AsIso88591WhenItReadsAsText() {
        // 0xA3 is the pound sign in ISO-8859-1 and not valid UTF-8 on its own.
        byte[] bytes = "Tickets cost \u00a35 at the door.\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains((byte) 0xA3);

        DecodedText text = decodes(bytes, "a.txt");

        assertThat(text.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(text.text()).isEqualTo("Tickets cost £5 at the door.\n");
    }

    @Test
    void guessesWindows1252WhenC1BytesAppear() {
        // 0x93/0x94 are curly quotes in windows-1252 but control characters in ISO-8859-1.
        byte[] bytes = {'H', 'e', ' ', 's', 'a', 'i', 'd', ' ', (byte) 0x93, 'h', 'i', (byte) 0x94, ' ', (byte) 0x80};
        DecodedText text = decodes(bytes, "a.txt");
        assertThat(text.charset()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(text.text()).isEqualTo("He said “hi” €");
    }

    @Test
    void usesTheCharsetAnHtmlDocumentDeclares() {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] bytes =
                ("<html><head><meta charset=\"windows-1251\"></head><body>Привет, мир! Новости дня</body></html>")
                        .getBytes(cp1251);
        DecodedText text = decodes(bytes, "page.txt");
        assertThat(text.charset()).isEqualTo(cp1251);
        assertThat(text.text()).contains("Привет, мир!");
        assertThat(text.mediaType()).isEqualTo(MediaTypes.TEXT_HTML);
    }

    @Test
    void usesTheCharsetOfAnHttpEquivMetaTag() {
        byte[] bytes = ("<!DOCTYPE html><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">"
                        + "<p>Prix : 5 €</p>")
                .getBytes(Charset.forName("ISO-8859-15"));
        DecodedText text = decodes(bytes, "a.html");
        assertThat(text.charset()).isEqualTo(Charset.forName("ISO-8859-15"));
        assertThat(text.text()).contains("5 €");
    }

    @Test
    void usesTheEncodingOfAnXmlDeclaration() {
        Charset koi8 = Charset.forName("KOI8-R");
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><article>Новости дня</article>".getBytes(koi8);
        DecodedText text = decodes(bytes, "a.xml");
        assertThat(text.charset()).isEqualTo(koi8);
        assertThat(text.text()).contains("Новости дня");
    }

    @Test
    void prefersValidUtf8OverADeclaredCharset() {
        byte[] bytes = "<meta charset=\"windows-1252\"><p>Café</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(decodes(bytes, "a.html").charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void rejectsInvalidBytesThatAreNotTextInAnyCharsetTried() {
        // Not UTF-8, no declaration, and as ISO-8859-1 nearly every character would be non-ASCII.
        byte[] bytes = {
            (byte) 0xC3,
            (byte) 0x28,
            (byte) 0xE9,
            (byte) 0xF1,
            (byte) 0xFA,
            (byte) 0xE0,
            (byte) 0xFF,
            (byte) 0xD8,
            (byte) 0xC7,
            (byte) 0xB5,
            (byte) 0xAE,
            (byte) 0xDE
        };
        NotText rejection = assertRejected(bytes, NotText.Reason.UNDECODABLE);
        assertThat(rejection.detail()).contains("not valid UTF-8").contains("ISO-8859-1");
    }

    @Test
    void rejectsBytesUndefinedInWindows1252() {
        // 0x81 and 0x8D are unassigned in windows-1252; with them the guess cannot decode strictly.
        byte[] bytes = {'a', 'b', (byte) 0x81, 'c', (byte) 0x8D, 'd', (byte) 0xFF, 'e'};
        assertRejected(bytes, NotText.Reason.UNDECODABLE);
    }

    @ParameterizedTest(name = "{0} starting \"{1}\" is {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "story.html | Just words | text/html",
                "story.HTM  | Just words | text/html",
                "story.txt  | <!DOCTYPE html><html><body>x</body></html> | text/html",
                "story.txt  | '  \n<!doctype HTML>\n<title>x</title>' | text/html",
                "story.txt  | <html lang=\"en\"><p>x</p></html> | text/html",
                "story.txt  | <?xml version=\"1.0\"?><!-- saved --><html xmlns=\"http://www.w3.org/1999/xhtml\"> | text/html",
                "story      | <HTML> | text/html",
                "story.txt  | Headline about <html> tags | text/plain",
                "story.txt  | <htmlish>not html</htmlish> | text/plain",
                "story.txt  | <p>A fragment</p> | text/plain",
                "story.md   | # Title | text/plain"
            })
    void detectsMediaTypeByExtensionOrStart(String fileName, String content, String mediaType) {
        assertThat(decodes(content.getBytes(StandardCharsets.UTF_8), fileName).mediaType())
                .isEqualTo(mediaType);
    }

    private DecodedText decodes(byte[] bytes, String fileName) {
        DecodeResult result = decoder.decode(bytes, fileName);
        assertThat(result).isInstanceOf(DecodedText.class);
        return (DecodedText) result;
    }

    private NotText assertRejected(byte[] bytes, NotText.Reason reason) {
        DecodeResult result = decoder.decode(bytes, "x.txt");
        assertThat(result).isInstanceOf(NotText.class);
        NotText rejection = (NotText) result;
        assertThat(rejection.reason()).as(rejection.detail()).isEqualTo(reason);
        assertThat(rejection.detail()).isNotBlank();
        return rejection;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
