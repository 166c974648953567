package io.newsline.producer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.newsline.article.io.ArticleIds;
import io.newsline.avro.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFileReaderTest {
    private static final long MAX = 1024;

    @TempDir
    Path dir;

    private final ArticleFileReader reader = new ArticleFileReader(MAX);

    @Test
    void readsATextFileIntoAnArticleWhoseIdIsTheSha256OfItsBytes() throws Exception {
        byte[] bytes = "Headline\n\nBody text.\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("story.txt"), bytes);
        Instant modified = Instant.parse("2025-05-13T10:15:30.123456Z");
        Files.setLastModifiedTime(file, FileTime.from(modified));

        ArticleFile article = accepted(file);

        String expectedId =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(article.articleId()).isEqualTo(expectedId).matches("[0-9a-f]{64}");
        assertThat(article.sizeBytes()).isEqualTo(bytes.length);
        assertThat(article.modifiedAt()).isEqualTo(modified);
        assertThat(article.content().text()).isEqualTo("Headline\n\nBody text.\n");
    }

    @Test
    void knownSha256() {
        assertThat(ArticleIds.of("hello".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void sameBytesGiveTheSameIdWhateverTheFileName() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "Same story");
        Path b = Files.writeString(dir.resolve("b.html"), "Same story");
        assertThat(accepted(a).articleId()).isEqualTo(accepted(b).articleId());
    }

    @Test
    void buildsTheRawArticleRecord() throws IOException {
        Path file = Files.writeString(dir.resolve("page.html"), "<p>Hi</p>");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-01-02T03:04:05.678999Z")));
        ArticleFile article = accepted(file);

        RawArticle record = article.toRawArticle(Instant.parse("2025-06-01T00:00:00.123456Z"), "host-1");

        assertThat(record.getArticleId()).isEqualTo(article.articleId());
        assertThat(record.getSourceUri())
                .isEqualTo(file.toAbsolutePath().toUri().toString())
                .startsWith("file:///");
        assertThat(record.getFileName()).isEqualTo("page.html");
        assertThat(record.getMediaType()).isEqualTo("text/html");
        assertThat(record.getCharset()).isEqualTo("UTF-8");
        assertThat(record.getRawText()).isEqualTo("<p>Hi</p>");
        assertThat(record.getSizeBytes()).isEqualTo(9);
        assertThat(record.getFileModifiedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.678Z"));
        assertThat(record.getIngestedAt()).isEqualTo(Instant.parse("2025-06-01T00:00:00.123Z"));
        assertThat(record.getProducerHost()).isEqualTo("host-1");
    }

    @Test
    void unreadableFileWithoutPermission() throws IOException {
        Path file = Files.writeString(dir.resolve("secret.txt"), "text");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            // Root reads files whatever their mode; the directory and dangling-link cases below cover it then.
            assumeFalse(Files.isReadable(file), "running as root: permissions do not prevent reading");
            assertThat(rejected(file, FailureReason.UNREADABLE).detail()).contains("permission denied");
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void unreadableDanglingSymbolicLink() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("gone.txt"));
        assertThat(rejected(link, FailureReason.UNREADABLE).detail()).contains("dangling symbolic link");
    }

    @Test
    void unreadableDirectoryPassedAsFile() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub.txt"));
        assertThat(rejected(sub, FailureReason.UNREADABLE).detail()).contains("directory");
    }

    @Test
    void unreadableMissingFile() {
        assertThat(rejected(dir.resolve("nope.txt"), FailureReason.UNREADABLE).detail())
                .contains("does not exist");
    }

    @Test
    void emptyFile() throws IOException {
        rejected(Files.createFile(dir.resolve("empty.txt")), FailureReason.EMPTY);
    }

    @Test
    void binaryFile() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        rejected(Files.write(dir.resolve("image.txt"), png), FailureReason.BINARY);
    }

    @Test
    void invalidUtf8ThatReadsAsIso88591IsAccepted() throws IOException {
        Path file = Files.write(dir.resolve("latin1.txt"), "Only \u00a312 today".getBytes(StandardCharsets.ISO_8859_1));
        ArticleFile article = accepted(file);
        assertThat(article.content().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(article.content().text()).isEqualTo("Only £12 today");
        assertThat(article.toRawArticle(Instant.now(), "h").getCharset()).isEqualTo("ISO-8859-1");
    }

    @Test
    void invalidBytesThatAreNotTextAreRejected() throws IOException {
        byte[] bytes = {(byte) 0xFB, (byte) 0xEE, (byte) 0xC0, (byte) 0xDD, (byte) 0xF7, (byte) 0xE1, (byte) 0xC2};
        rejected(Files.write(dir.resolve("noise.txt"), bytes), FailureReason.UNDECODABLE);
    }

    @Test
    void fileOverTheMaximumSizeIsRejectedAndOneAtTheMaximumIsRead() throws IOException {
        Path atMax = Files.writeString(dir.resolve("max.txt"), "a".repeat((int) MAX));
        Path over = Files.writeString(dir.resolve("over.txt"), "a".repeat((int) MAX + 1));

        assertThat(accepted(atMax).sizeBytes()).isEqualTo(MAX);
        ReadResult.Rejected rejected = (ReadResult.Rejected) reader.read(over);
        assertThat(rejected.rejection().reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(rejected.rejection().detail()).contains("1025 bytes").contains("--max-file-size");
        assertThat(rejected.sizeBytes()).isEqualTo(MAX + 1);
    }

    private ArticleFile accepted(Path file) {
        ReadResult result = reader.read(file);
        assertThat(result).isInstanceOf(ArticleFile.class);
        return (ArticleFile) result;
    }

    private Rejection rejected(Path file, FailureReason reason) {
        ReadResult result = reader.read(file);
        assertThat(result).isInstanceOf(ReadResult.Rejected.class);
        Rejection rejection = ((ReadResult.Rejected) result).rejection();
        assertThat(rejection.reason()).as(rejection.detail()).isEqualTo(reason);
        assertThat(result.path()).isEqualTo(file);
        return rejection;
    }
}
