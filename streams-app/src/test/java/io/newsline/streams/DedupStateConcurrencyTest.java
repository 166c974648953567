package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.avro.ParsedArticle;
import io.newsline.streams.articles.ParseStep;
import io.newsline.streams.dedup.DedupState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** One store serde serves every task of every stream thread, so it must be safe to use from several at once. */
class DedupStateConcurrencyTest {
    private static final ParseStep PARSE = new ParseStep();

    @Test
    void theWaitingArticleSerdeIsSafeAcrossStreamThreads() throws Exception {
        Serde<ParsedArticle> serde = DedupState.articleSerde();
        List<ParsedArticle> articles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body =
                    ("Paragraph " + i + " of a story about harbours and the ships that use them. ").repeat(20 + i);
            articles.add(PARSE.parse(
                    TestArticles.raw("story-" + i + ".txt", "Headline " + i + "\n\n" + body, null, Instant.EPOCH)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (ParsedArticle article : articles) {
                results.add(threads.submit(() -> {
                    for (int round = 0; round < 2_000; round++) {
                        byte[] bytes = serde.serializer().serialize("t", article);
                        if (!article.equals(serde.deserializer().deserialize("t", bytes))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
