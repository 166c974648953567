package io.newsline.streams.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.avro.ArticleSource;
import io.newsline.avro.DateSource;
import io.newsline.streams.StreamsApp;
import io.newsline.streams.topics.InternalAvroSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The app's internal schemas: documented, built on the public shared types, and their records round-trip. */
class InternalSchemasTest {

    @Test
    void everyRecordAndFieldHasADoc() {
        List<String> undocumented = new ArrayList<>();
        for (Schema schema : List.of(ParsedArticle.getClassSchema(), AlsoReportedPatch.getClassSchema())) {
            if (schema.getDoc() == null || schema.getDoc().isBlank()) {
                undocumented.add(schema.getFullName());
            }
            for (Schema.Field field : schema.getFields()) {
                if (field.doc() == null || field.doc().isBlank()) {
                    undocumented.add(schema.getFullName() + "." + field.name());
                }
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void theSharedTypesComeFromTheSchemasModuleNotACopy() {
        // The Avro compiler regenerates imported types; the build deletes those copies (see streams-app/pom.xml).
        assertThat(DateSource.class.getProtectionDomain().getCodeSource().getLocation())
                .isNotEqualTo(
                        StreamsApp.class.getProtectionDomain().getCodeSource().getLocation());
        assertThat(ArticleSource.class.getProtectionDomain().getCodeSource().getLocation())
                .isNotEqualTo(
                        StreamsApp.class.getProtectionDomain().getCodeSource().getLocation());
    }

    @Test
    void aPatchRoundTripsWithItsListIntact() {
        InternalAvroSerde<AlsoReportedPatch> serde = new InternalAvroSerde<>(AlsoReportedPatch.class);
        AlsoReportedPatch patch = new AlsoReportedPatch(List.of("file:///a\nb.txt", "", "file:///c.txt"));

        AlsoReportedPatch back = serde.deserialize("t", serde.serialize("t", patch));

        assertThat(back.getSources()).containsExactly("file:///a\nb.txt", "", "file:///c.txt");
        assertThat(serde.serialize("t", null)).isNull();
    }

    @Test
    void aParsedArticleRoundTrips() {
        ParsedArticle article = ParsedArticle.newBuilder()
                .setArticleId("a1")
                .setFingerprint("f1")
                .setTitle("Title")
                .setDek(null)
                .setBylines(List.of("A. Writer"))
                .setPublishedAt(Instant.parse("2025-01-02T03:04:05Z"))
                .setDateSource(DateSource.TEXT)
                .setBodyParagraphs(List.of("Body."))
                .setSource(ArticleSource.newBuilder()
                        .setSourceUri("file:///a1.txt")
                        .setFileName("a1.txt")
                        .setMediaType("text/plain")
                        .setCharset("UTF-8")
                        .setSizeBytes(5)
                        .setFileModifiedAt(null)
                        .setIngestedAt(Instant.parse("2025-01-02T03:04:05Z"))
                        .setProducerHost("test")
                        .build())
                .build();
        InternalAvroSerde<ParsedArticle> serde = new InternalAvroSerde<>(ParsedArticle.class);

        assertThat(serde.deserialize("t", serde.serialize("t", article))).isEqualTo(article);
    }
}
