package io.newsline.streams.dedup;

import io.newsline.article.similarity.ArticleSketch;
import io.newsline.article.similarity.Jaccard;
import io.newsline.article.similarity.Murmur3;
import io.newsline.avro.DuplicateKind;
import io.newsline.avro.DuplicateNotice;
import io.newsline.common.LruMap;
import io.newsline.streams.avro.ParsedArticle;
import io.newsline.streams.dedup.DedupMessage.Compare;
import io.newsline.streams.dedup.DedupMessage.CompareResult;
import io.newsline.streams.dedup.DedupMessage.Member;
import io.newsline.streams.dedup.DedupMessage.Probe;
import io.newsline.streams.dedup.DedupMessage.Reply;
import io.newsline.streams.dedup.DedupState.Decided;
import io.newsline.streams.dedup.DedupState.Pending;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact and near deduplication as one exchange of messages between tasks, with a verdict that depends only on the
 * articles, never on when or where they were processed (see {@link DedupStage} for the flow).
 *
 * <p><b>The rule.</b> Articles are ordered by ingest time, then id. An article is a duplicate of the earliest
 * article before it in that order whose normalized body is identical (EXACT), else of the earliest one before it
 * whose shingle sets have a Jaccard similarity at or above the threshold (NEAR); otherwise it is an original. Any
 * two articles that share a band key or the body fingerprint meet in the index of one bucket, whichever comes
 * second finds the first, and the pair is compared at the home of the first, so both learn the same evidence.
 * An article that arrives late (after an article it precedes was already let through as an original) revises
 * that article's verdict: the later one becomes the duplicate and is {@linkplain DedupOutcome#revised retracted}.
 * So the same articles in any order, timing or partitioning end with the same verdicts.
 *
 * <p><b>Waiting</b> is for evidence, never for a clock: an article is decided once every bucket it probed has
 * replied and every partner it asked has answered.
 *
 * <p>Two processors share the stores (so they run in the same task): {@link Arrivals} for parsed articles from
 * the raw topic, {@link Messages} for the exchange topic.
 */
final class Deduplicator {
    private static final Logger log = LoggerFactory.getLogger(Deduplicator.class);
    private static final HexFormat HEX = HexFormat.of();
    /** Members taken per band key, oldest first: bounds the work for a story repeated hundreds of times. */
    static final int MAX_MEMBERS_PER_KEY = 64;

    private final DedupSettings settings;
    private final ArticleSketch.Sketcher sketcher;
    private ProcessorContext<String, DedupEvent> context;
    private WindowStore<Long, byte[]> bandIndex;
    private WindowStore<Long, byte[]> fingerprintIndex;
    private WindowStore<Bytes, Decided> decided;
    private KeyValueStore<Bytes, Pending> pending;
    private KeyValueStore<Bytes, ParsedArticle> waiting;

    /**
     * Shingles of the articles waiting on this thread, so that a waiting article is shingled once rather than at
     * each message about it. A cache only: on a miss (a restart, a task moved) they are computed again from the
     * waiting article; shingles are a pure function of the body.
     */
    private static final ThreadLocal<Map<Bytes, int[]>> SHINGLES = ThreadLocal.withInitial(() -> new LruMap<>(4096));

    private Deduplicator(DedupSettings settings) {
        this.settings = settings;
        this.sketcher = new ArticleSketch.Sketcher(settings.near());
    }

    private void init(ProcessorContext<String, DedupEvent> processorContext) {
        this.context = processorContext;
        this.bandIndex = processorContext.getStateStore(DedupStage.BAND_INDEX);
        this.fingerprintIndex = processorContext.getStateStore(DedupStage.FINGERPRINT_INDEX);
        this.decided = processorContext.getStateStore(DedupStage.DECIDED);
        this.pending = processorContext.getStateStore(DedupStage.PENDING);
        this.waiting = processorContext.getStateStore(DedupStage.WAITING);
    }

    /** Parsed articles from the raw topic, keyed by article id, on their home partition. */
    static final class Arrivals implements Processor<String, ParsedArticle, String, DedupEvent> {
        private final Deduplicator deduplicator;

        Arrivals(DedupSettings settings) {
            this.deduplicator = new Deduplicator(settings);
        }

        @Override
        public void init(ProcessorContext<String, DedupEvent> context) {
            deduplicator.init(context);
        }

        @Override
        public void process(Record<String, ParsedArticle> record) {
            if (record.value() != null) {
                int home = deduplicator
                        .context
                        .recordMetadata()
                        .map(m -> m.partition())
                        .orElse(0);
                deduplicator.arrive(record.value(), record.timestamp(), home);
            }
        }
    }

    /** Messages from the exchange topic. */
    static final class Messages implements Processor<String, DedupMessage, String, DedupEvent> {
        private final Deduplicator deduplicator;

        Messages(DedupSettings settings) {
            this.deduplicator = new Deduplicator(settings);
        }

        @Override
        public void init(ProcessorContext<String, DedupEvent> context) {
            deduplicator.init(context);
        }

        @Override
        public void process(Record<String, DedupMessage> record) {
            long time = record.timestamp();
            DedupMessage message = record.value();
            if (message instanceof Probe probe) {
                deduplicator.probe(probe, time);
            } else if (message instanceof Reply reply) {
                deduplicator.reply(reply, time);
            } else if (message instanceof Compare compare) {
                deduplicator.compare(compare, time);
            } else if (message instanceof CompareResult result) {
                deduplicator.result(result, time);
            }
        }
    }

    // ---- at the article's home: arrival

    private void arrive(ParsedArticle article, long time, int home) {
        Bytes key = ArticleKey.bytes(article.getArticleId());
        if (pending.get(key) != null || decidedAnyTime(key) != null) {
            // The same file again (ids are content hashes): a re-send, or a copy from another source.
            emit(time, DedupOutcome.duplicate(notice(article, article.getArticleId(), DuplicateKind.EXACT, 1.0)));
            return;
        }
        long[] bandKeys = settings.near().enabled()
                ? sketcher.ofShingles(sketcher.shingles(article.getBodyParagraphs()))
                        .bandKeys()
                : new long[0];
        long fingerprintKey = fingerprintKey(article.getFingerprint());
        Map<Integer, List<Long>> byBucket = new TreeMap<>();
        for (long bandKey : bandKeys) {
            byBucket.computeIfAbsent(bucketOf(bandKey), b -> new ArrayList<>()).add(bandKey);
        }
        int fingerprintBucket = bucketOf(fingerprintKey);
        byBucket.computeIfAbsent(fingerprintBucket, b -> new ArrayList<>());
        waiting.put(key, article);
        pending.put(key, new Pending(article, time, home, byBucket.size()));
        Member self = new Member(key.get(), time, home);
        byBucket.forEach((bucket, keys) -> send(
                time,
                new Probe(
                        bucket,
                        self,
                        keys.stream().mapToLong(Long::longValue).toArray(),
                        bucket == fingerprintBucket,
                        fingerprintKey)));
    }

    // ---- at a bucket: find who shares a key, then join them

    private void probe(Probe probe, long time) {
        Member self = probe.article();
        Map<Bytes, Member> found = new LinkedHashMap<>();
        byte[] stored = ByteBuffer.allocate(ArticleKey.SIZE + 4)
                .put(self.key())
                .putInt(self.home())
                .array();
        if (probe.hasFingerprint()) {
            collect(fingerprintIndex, probe.fingerprintKey(), self, settings.exactRetentionMs(), found);
            fingerprintIndex.put(probe.fingerprintKey(), stored, self.indexTime());
        }
        for (long bandKey : probe.bandKeys()) {
            collect(bandIndex, bandKey, self, settings.near().retention().toMillis(), found);
            bandIndex.put(bandKey, stored, self.indexTime());
        }
        send(time, new Reply(self.home(), self.key(), new ArrayList<>(found.values())));
    }

    private static void collect(
            WindowStore<Long, byte[]> index, long indexKey, Member self, long retention, Map<Bytes, Member> found) {
        long t = self.indexTime();
        long from = Math.max(0L, t - retention);
        long to = t > Long.MAX_VALUE - retention ? Long.MAX_VALUE : t + retention;
        int taken = 0;
        try (WindowStoreIterator<byte[]> members = index.fetch(indexKey, from, to)) {
            while (members.hasNext() && taken < MAX_MEMBERS_PER_KEY) {
                KeyValue<Long, byte[]> member = members.next();
                ByteBuffer value = ByteBuffer.wrap(member.value);
                byte[] key = new byte[ArticleKey.SIZE];
                value.get(key);
                if (!java.util.Arrays.equals(key, self.key())) {
                    found.putIfAbsent(Bytes.wrap(key), new Member(key, member.key, value.getInt()));
                    taken++;
                }
            }
        }
    }

    // ---- at the article's home: ask every candidate to compare

    private void reply(Reply reply, long time) {
        Bytes key = Bytes.wrap(reply.key());
        Pending state = pending.get(key);
        if (state == null) {
            log.debug("Reply for {}, which is no longer waiting", HEX.formatHex(reply.key()));
            return;
        }
        state.repliesReceived++;
        int[] shingles = null;
        for (Member candidate : reply.candidates()) {
            if (state.hasAsked(candidate.key())) {
                continue;
            }
            if (shingles == null) {
                shingles = shinglesOfWaiting(key);
            }
            state.asked.add(candidate.key());
            state.comparesSent++;
            send(
                    time,
                    new Compare(
                            candidate.home(),
                            candidate,
                            new Member(reply.key(), state.indexTime, state.home),
                            state.articleId,
                            state.ingestedAt,
                            state.fingerprint,
                            shingles));
        }
        decideIfComplete(key, state, time);
    }

    // ---- at the partner's home: compare, answer, and revise the partner if the sender precedes it

    private void compare(Compare compare, long time) {
        Bytes key = Bytes.wrap(compare.target().key());
        Pending waitingState = pending.get(key);
        Decided done = waitingState == null ? decidedAt(key, compare.target().indexTime()) : null;
        String targetId;
        long targetIngestedAt;
        String targetFingerprint;
        int[] targetShingles;
        if (waitingState != null) {
            targetId = waitingState.articleId;
            targetIngestedAt = waitingState.ingestedAt;
            targetFingerprint = waitingState.fingerprint;
            targetShingles = settings.near().enabled() ? shinglesOfWaiting(key) : new int[0];
        } else if (done != null) {
            targetId = done.articleId();
            targetIngestedAt = done.ingestedAt();
            targetFingerprint = done.fingerprint();
            targetShingles = done.shingles();
        } else {
            send(time, new CompareResult(compare.from().home(), compare.from().key(), "", 0L, -1.0, false));
            return;
        }
        boolean exact = targetFingerprint.equals(compare.fromFingerprint());
        double similarity =
                exact ? 1.0 : settings.near().enabled() ? Jaccard.exact(compare.fromShingles(), targetShingles) : 0.0;
        boolean match = exact || similarity >= settings.near().threshold();
        if (match && precedes(compare.fromIngestedAt(), compare.fromId(), targetIngestedAt, targetId)) {
            if (waitingState != null) {
                if (consider(waitingState, compare.fromId(), compare.fromIngestedAt(), exact, similarity)) {
                    pending.put(key, waitingState);
                }
            } else if (done.isOriginal()) {
                Decided revised = done.withOriginal(compare.fromId(), compare.fromIngestedAt(), exact, similarity);
                decided.put(key, revised, compare.target().indexTime());
                log.info(
                        "Article {} let through as an original repeats {}, which precedes it: now a {} duplicate",
                        targetId,
                        compare.fromId(),
                        exact ? "EXACT" : "NEAR");
                emit(time, DedupOutcome.revised(notice(revised)));
            } else if (betterOriginal(
                    compare.fromId(),
                    compare.fromIngestedAt(),
                    exact,
                    done.originalId(),
                    done.originalIngestedAt(),
                    done.exact())) {
                Decided repointed = done.withOriginal(compare.fromId(), compare.fromIngestedAt(), exact, similarity);
                decided.put(key, repointed, compare.target().indexTime());
                emit(time, DedupOutcome.duplicate(notice(repointed)));
            }
        }
        send(
                time,
                new CompareResult(
                        compare.from().home(), compare.from().key(), targetId, targetIngestedAt, similarity, exact));
    }

    // ---- at the article's home: count the answer, take the best original

    private void result(CompareResult result, long time) {
        Bytes key = Bytes.wrap(result.key());
        Pending state = pending.get(key);
        if (state == null) {
            log.debug("Comparison result for {}, which is no longer waiting", HEX.formatHex(result.key()));
            return;
        }
        state.comparesReceived++;
        boolean match = result.exact() || result.similarity() >= settings.near().threshold();
        if (match && precedes(result.partnerIngestedAt(), result.partnerId(), state.ingestedAt, state.articleId)) {
            consider(state, result.partnerId(), result.partnerIngestedAt(), result.exact(), result.similarity());
        }
        decideIfComplete(key, state, time);
    }

    private void decideIfComplete(Bytes key, Pending state, long time) {
        if (!state.complete()) {
            pending.put(key, state);
            return;
        }
        ParsedArticle article = waiting.get(key);
        if (article == null) {
            // Only possible if the store was tampered with or restored inconsistently; never silently.
            throw new IllegalStateException("article " + state.articleId + " is decided but its text is gone");
        }
        Decided verdict = new Decided(
                article.getArticleId(),
                article.getSource().getIngestedAt().toEpochMilli(),
                article.getFingerprint(),
                article.getSource().getSourceUri(),
                article.getTitle(),
                settings.near().enabled() ? shinglesOfWaiting(key) : new int[0],
                state.originalId,
                state.originalIngestedAt,
                state.exact,
                state.similarity);
        decided.put(key, verdict, state.indexTime);
        pending.delete(key);
        waiting.delete(key);
        SHINGLES.get().remove(key);
        emit(
                time,
                verdict.isOriginal()
                        ? DedupOutcome.original(article)
                        : DedupOutcome.duplicate(
                                notice(article, verdict.originalId(), kind(verdict.exact()), verdict.similarity())));
    }

    /** Takes the partner as the original if it is better than what was found so far; true when it did. */
    private static boolean consider(Pending state, String id, long ingestedAt, boolean exact, double similarity) {
        boolean better = state.originalId == null
                || betterOriginal(id, ingestedAt, exact, state.originalId, state.originalIngestedAt, state.exact);
        if (better) {
            state.originalId = id;
            state.originalIngestedAt = ingestedAt;
            state.exact = exact;
            state.similarity = similarity;
        }
        return better;
    }

    /** An identical body beats a similar one; between two of a kind, the one earlier in the order. */
    private static boolean betterOriginal(
            String id, long ingestedAt, boolean exact, String currentId, long currentIngestedAt, boolean currentExact) {
        return (exact && !currentExact)
                || (exact == currentExact && precedes(ingestedAt, id, currentIngestedAt, currentId));
    }

    /** The order of articles: ingest time, then id. */
    static boolean precedes(long ingestedA, String idA, long ingestedB, String idB) {
        return ingestedA != ingestedB ? ingestedA < ingestedB : idA.compareTo(idB) < 0;
    }

    private int bucketOf(long indexKey) {
        return Math.floorMod(Murmur3.fmix64(indexKey ^ 0x42554b45544e4c4cL), settings.buckets());
    }

    private static long fingerprintKey(String fingerprintHex) {
        return HEX.fromHexDigitsToLong(fingerprintHex, 0, 16);
    }

    private int[] shinglesOfWaiting(Bytes key) {
        int[] cached = SHINGLES.get().get(key);
        if (cached != null) {
            return cached;
        }
        ParsedArticle article = waiting.get(key);
        int[] shingles = article == null ? new int[0] : sketcher.shingles(article.getBodyParagraphs());
        SHINGLES.get().put(key, shingles);
        return shingles;
    }

    private Decided decidedAt(Bytes key, long indexTime) {
        try (WindowStoreIterator<Decided> found = decided.fetch(key, indexTime, indexTime)) {
            return found.hasNext() ? found.next().value : null;
        }
    }

    private Decided decidedAnyTime(Bytes key) {
        try (KeyValueIterator<org.apache.kafka.streams.kstream.Windowed<Bytes>, Decided> found =
                decided.fetch(key, key, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
            return found.hasNext() ? found.next().value : null;
        }
    }

    private static DuplicateKind kind(boolean exact) {
        return exact ? DuplicateKind.EXACT : DuplicateKind.NEAR;
    }

    private DuplicateNotice notice(Decided duplicate) {
        return notice(
                duplicate.articleId(),
                duplicate.sourceUri(),
                duplicate.title(),
                duplicate.originalId(),
                kind(duplicate.exact()),
                duplicate.similarity());
    }

    private DuplicateNotice notice(ParsedArticle duplicate, String originalId, DuplicateKind kind, double similarity) {
        return notice(
                duplicate.getArticleId(),
                duplicate.getSource().getSourceUri(),
                duplicate.getTitle(),
                originalId,
                kind,
                similarity);
    }

    private DuplicateNotice notice(
            String duplicateId, String source, String title, String originalId, DuplicateKind kind, double similarity) {
        return DuplicateNotice.newBuilder()
                .setDuplicateId(duplicateId)
                .setOriginalId(originalId)
                .setKind(kind)
                .setSimilarity(similarity)
                .setSeenAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .setDuplicateSource(source)
                .setTitle(title)
                .build();
    }

    private void send(long time, DedupMessage message) {
        context.forward(new Record<>(null, new DedupEvent.Send(message), time));
    }

    private void emit(long time, DedupOutcome outcome) {
        context.forward(new Record<>(outcome.articleId(), new DedupEvent.Outcome(outcome), time));
    }
}
