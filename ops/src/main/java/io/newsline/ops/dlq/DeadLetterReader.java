package io.newsline.ops.dlq;

import io.newsline.common.Topics;
import io.newsline.ops.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads {@code news.articles.dlq} whole (committed records, to its end at the start), oldest first. */
public final class DeadLetterReader {
    private DeadLetterReader() {}

    /** Every dead letter, ordered by timestamp, then partition and offset. */
    public static List<DeadLetter> readAll(Map<String, Object> clientConfig, Duration timeout) {
        List<DeadLetter> all = new ArrayList<>();
        new TopicReader(clientConfig, timeout)
                .read(List.of(Topics.DEAD_LETTERS), record -> all.add(DeadLetter.of(record)));
        all.sort(ORDER);
        return all;
    }

    public static final Comparator<DeadLetter> ORDER = Comparator.comparing(DeadLetter::timestamp)
            .thenComparingInt(DeadLetter::dlqPartition)
            .thenComparingLong(DeadLetter::dlqOffset);

    /** How many dead letters per reason, most frequent first (then by reason). */
    public static Map<String, Long> countByReason(List<DeadLetter> deadLetters, Function<DeadLetter, String> reason) {
        Map<String, Long> counts = deadLetters.stream().collect(Collectors.groupingBy(reason, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
