package io.newsline.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Every record and field of every published schema is documented, so consumers can read the topics cold. */
class SchemaDocumentationTest {

    private static final List<Schema> TOP_LEVEL = List.of(
            RawArticle.getClassSchema(),
            EnrichedArticle.getClassSchema(),
            DuplicateNotice.getClassSchema(),
            TimelineEntry.getClassSchema(),
            TopicTimeline.getClassSchema());

    @Test
    void everyRecordAndFieldHasADoc() {
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TOP_LEVEL.forEach(schema -> collectUndocumented(schema, seen, undocumented));
        assertThat(undocumented).isEmpty();
    }

    @Test
    void rawArticleHasTheFieldsTheProducerFills() {
        assertThat(RawArticle.getClassSchema().getFields())
                .extracting(Schema.Field::name)
                .containsExactly(
                        "articleId",
                        "sourceUri",
                        "fileName",
                        "mediaType",
                        "charset",
                        "rawText",
                        "sizeBytes",
                        "fileModifiedAt",
                        "ingestedAt",
                        "producerHost");
    }

    private static void collectUndocumented(Schema schema, Set<String> seen, List<String> undocumented) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                if (isBlank(schema.getDoc())) {
                    undocumented.add(schema.getFullName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (isBlank(field.doc())) {
                        undocumented.add(schema.getFullName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), seen, undocumented);
                }
            }
            case UNION -> schema.getTypes().forEach(type -> collectUndocumented(type, seen, undocumented));
            case ARRAY -> collectUndocumented(schema.getElementType(), seen, undocumented);
            case MAP -> collectUndocumented(schema.getValueType(), seen, undocumented);
            default -> {}
        }
    }

    private static boolean isBlank(String doc) {
        return doc == null || doc.isBlank();
    }
}
