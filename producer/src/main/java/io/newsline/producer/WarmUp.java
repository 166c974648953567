package io.newsline.producer;

import io.newsline.article.io.ArticleIds;
import io.newsline.article.io.DecodedText;
import io.newsline.article.io.TextDecoder;
import io.newsline.avro.RawArticle;
import io.newsline.producer.read.ArticleFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises the classes every file needs (Avro's record, builder and writer, the decoder, the digest)
 * on a background thread while the main thread creates the Kafka producer and waits for the brokers' metadata.
 * Otherwise the first file pays for it, a few hundred milliseconds of class loading on a small machine, on the
 * thread that sends. It only touches a made-up article in memory: nothing is read, sent or counted.
 */
final class WarmUp {
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private WarmUp() {}

    static void start() {
        Thread thread = new Thread(WarmUp::run, "newsline-produce-warm-up");
        thread.setDaemon(true); // never delays the end of the run
        thread.start();
    }

    private static void run() {
        try {
            byte[] bytes = "Warm-up headline\n\nA paragraph of text.\n".getBytes(StandardCharsets.UTF_8);
            DecodedText text = (DecodedText) new TextDecoder().decode(bytes, "warm-up.txt");
            RawArticle article = new ArticleFile(
                            Path.of("warm-up.txt"), ArticleIds.of(bytes), bytes.length, Instant.EPOCH, text)
                    .toRawArticle(Instant.EPOCH, "warm-up");
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(OutputStream.nullOutputStream(), null);
            new SpecificDatumWriter<RawArticle>(RawArticle.getClassSchema()).write(article, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // Only a head start: whatever failed here fails again, and is reported, where it matters.
            log.debug("Warm-up failed", e);
        }
    }
}
