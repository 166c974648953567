package io.newsline.producer;

import io.newsline.avro.RawArticle;
import io.newsline.producer.read.ArticleFile;
import io.newsline.producer.read.ArticleFileReader;
import io.newsline.producer.read.FailureReason;
import io.newsline.producer.read.ReadResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one file from path to outcome: read and decode it, skip it if this very file was already sent with the same
 * bytes, else publish it (or, in a dry run, only count it); every outcome lands in the {@link RunSummary} and every
 * failure is reported with its reason.
 *
 * <p>A byte-identical copy under another path is published too, by default: it is another source of the same story,
 * which the streams app turns into an EXACT duplicate notice naming that source and lists in the original's
 * "also reported by". Only with {@code skipIdenticalFiles} (the {@code --skip-identical} option) is it skipped here.
 */
public final class FileProcessor {
    private static final Logger log = LoggerFactory.getLogger(FileProcessor.class);

    private final ArticleFileReader reader;
    private final ArticlePublisher publisher;
    private final RunSummary summary;
    private final ProgressReporter progress;
    private final Clock clock;
    private final String producerHost;
    private final boolean skipIdenticalFiles;
    /** Article id -> the file first sent with it; an id leaves again if its send fails, so it can be retried. */
    private final Map<String, Path> firstFileOfId = new ConcurrentHashMap<>();
    /** File -> the id of the bytes last sent from it, to not resend a file that is seen again unchanged. */
    private final Map<Path, String> sentFromFile = new ConcurrentHashMap<>();

    /** @param publisher where to send articles; {@code null} for a dry run, which sends nothing */
    public FileProcessor(
            ArticleFileReader reader,
            ArticlePublisher publisher,
            RunSummary summary,
            ProgressReporter progress,
            Clock clock,
            String producerHost,
            boolean skipIdenticalFiles) {
        this.reader = reader;
        this.publisher = publisher;
        this.summary = summary;
        this.progress = progress;
        this.clock = clock;
        this.producerHost = producerHost;
        this.skipIdenticalFiles = skipIdenticalFiles;
    }

    /**
     * @throws ArticlePublisher.SendingImpossibleException if nothing can be sent at all (the run must stop)
     */
    public void process(Path file) {
        handle(file, read(file));
    }

    /**
     * A file read ahead of {@link #handle}: the reader's result and, for an article, its record, whose ingestion
     * time is set when it is handled.
     */
    public record Read(ReadResult result, RawArticle record) {}

    /**
     * Reads and decodes a file and builds its record: the part of {@link #process} that may run on another
     * thread, ahead of {@link #handle}. Changes nothing here and never throws for bad input.
     */
    public Read read(Path file) {
        ReadResult result = reader.read(file);
        return new Read(
                result,
                result instanceof ArticleFile article ? article.toRawArticle(clock.instant(), producerHost) : null);
    }

    /**
     * The rest of {@link #process}, for a file {@link #read} before: skip, publish or report it. Calls for
     * different files must come in the order the files are to be sent, from one thread at a time.
     *
     * @throws ArticlePublisher.SendingImpossibleException if nothing can be sent at all (the run must stop)
     */
    public void handle(Path file, Read read) {
        ReadResult result = read.result();
        if (result instanceof ReadResult.Rejected rejected) {
            fail(file, rejected.rejection().reason(), rejected.rejection().detail(), rejected.sizeBytes());
            return;
        }
        ArticleFile article = (ArticleFile) result;
        String previous = sentFromFile.put(file, article.articleId());
        if (article.articleId().equals(previous)) {
            // The same file with the same bytes again: touched, or seen both by a scan and by the watcher.
            log.debug("{} is unchanged since it was sent", file);
            summary.unchanged(article.sizeBytes());
            progress.tick();
            return;
        }
        Path first = firstFileOfId.putIfAbsent(article.articleId(), file);
        if (first != null && skipIdenticalFiles) {
            summary.duplicate(article.sizeBytes());
            progress.notice("SKIPPED [duplicate] " + file + ": same bytes as " + first + " (article "
                    + article.articleId().substring(0, 12) + "...)");
            progress.tick();
            return;
        }
        RawArticle record = read.record();
        // Ingested when handed over to be sent, in the order files are sent, not when read ahead.
        record.setIngestedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (publisher == null) {
            published(article);
            return;
        }
        publisher.publish(record, new ArticlePublisher.Outcome() {
            @Override
            public void published(RecordMetadata metadata) {
                if (log.isDebugEnabled()) {
                    log.debug("Published {} as {} to {}", file, article.articleId(), metadata);
                }
                FileProcessor.this.published(article);
            }

            @Override
            public void failed(String reason) {
                firstFileOfId.remove(article.articleId(), file);
                sentFromFile.remove(file, article.articleId());
                fail(file, FailureReason.SEND_FAILED, reason, article.sizeBytes());
            }
        });
    }

    /** Reports a file (or directory) that cannot be processed without reading it, e.g. one that cannot be listed. */
    public void fail(Path path, FailureReason reason, String detail, long sizeBytes) {
        summary.failed(reason, sizeBytes);
        progress.failure(path, reason, detail);
        progress.tick();
    }

    private void published(ArticleFile article) {
        summary.published(
                article.sizeBytes(),
                article.content().mediaType(),
                article.content().charset().name());
        progress.tick();
    }
}
