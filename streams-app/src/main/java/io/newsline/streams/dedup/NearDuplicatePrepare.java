package io.newsline.streams.dedup;

import io.newsline.avro.ParsedArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * First step of near-duplicate detection: computes an article's shingles, MinHash signature and band keys, and
 * stamps the wall-clock time the app first saw it. Everything downstream (band records, the stored sketch and the
 * article waiting for its verdict) carries that same time, so the order of two near duplicates is decided from
 * the same facts wherever it is decided (see {@link NearDuplicateOrder}).
 */
public final class NearDuplicatePrepare implements FixedKeyProcessor<String, ParsedArticle, PreparedArticle> {
    private final ArticleSketch.Sketcher sketcher;
    private FixedKeyProcessorContext<String, PreparedArticle> context;

    public NearDuplicatePrepare(ArticleSketch.Sketcher sketcher) {
        this.sketcher = sketcher;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PreparedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, ParsedArticle> record) {
        ParsedArticle article = record.value();
        if (article == null) {
            return;
        }
        ArticleSketch sketch = sketcher.sketch(article.getBodyParagraphs());
        context.forward(record.withValue(new PreparedArticle(article, sketch, context.currentSystemTimeMs())));
    }
}
