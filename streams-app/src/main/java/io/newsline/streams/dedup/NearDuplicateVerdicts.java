package io.newsline.streams.dedup;

import io.newsline.avro.DuplicateKind;
import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.NearDupArticle;
import io.newsline.avro.NearDupBandResult;
import io.newsline.avro.NearDupPartner;
import io.newsline.avro.NearDupPending;
import io.newsline.avro.NearDupSketch;
import io.newsline.avro.ParsedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verdict stage, on records keyed by article id: gathers everything about one article (the article itself,
 * one {@link NearDupBandResult} per band, and a {@link NearDupPartner} for every counted candidate those results
 * announced), verifies each partner by the exact Jaccard similarity of the shingle sets, and emits one verdict:
 *
 * <ul>
 *   <li>a {@link DuplicateKind#NEAR} {@link DuplicateNotice} when some partner at or above the threshold is the
 *       original of the pair ({@link NearDuplicateOrder}); if several are, the earliest by ingest time, then id;
 *   <li>otherwise the article itself, as an original, once it has waited {@link NearDuplicateParams#hold()} after
 *       its checks completed: a near duplicate that arrived at the same moment on another partition, and that
 *       precedes it by ingest time, may still send a courtesy partner in that time and make it the duplicate.
 * </ul>
 *
 * <p>The three inputs are three topics, read in no particular causal order, so state is kept per article in a
 * key-value store until the verdict is out, and partners that come before their article wait in it. An article
 * whose checks have not all come back after {@link NearDuplicateParams#maxWait()} (a lost message) is decided on
 * what has arrived; state about an article that never arrives (a courtesy partner for an article already decided)
 * is dropped then too.
 */
public final class NearDuplicateVerdicts implements Processor<String, Object, String, DedupOutcome> {
    private static final Logger log = LoggerFactory.getLogger(NearDuplicateVerdicts.class);

    private final String storeName;
    private final NearDuplicateParams params;
    private final ArticleSketch.Sketcher sketcher;
    private ProcessorContext<String, DedupOutcome> context;
    private KeyValueStore<String, NearDupPending> pending;

    public NearDuplicateVerdicts(String storeName, NearDuplicateParams params) {
        this.storeName = storeName;
        this.params = params;
        this.sketcher = new ArticleSketch.Sketcher(params);
    }

    @Override
    public void init(ProcessorContext<String, DedupOutcome> context) {
        this.context = context;
        this.pending = context.getStateStore(storeName);
        context.schedule(tick(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    private Duration tick() {
        Duration hold = params.hold();
        if (hold.isZero()) {
            return Duration.ofSeconds(1);
        }
        Duration quarter = hold.dividedBy(4);
        if (quarter.compareTo(Duration.ofMillis(10)) < 0) {
            return Duration.ofMillis(10);
        }
        return quarter.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : quarter;
    }

    @Override
    public void process(Record<String, Object> record) {
        String articleId = record.key();
        Object message = record.value();
        if (articleId == null || message == null) {
            return;
        }
        long now = context.currentSystemTimeMs();
        NearDupPending state = pending.get(articleId);
        if (state == null) {
            state = NearDupPending.newBuilder()
                    .setCreatedAt(Instant.ofEpochMilli(now))
                    .build();
        }
        if (message instanceof NearDupArticle article) {
            if (state.getArticle() != null) {
                return; // the same article again: its first copy is being decided
            }
            state.setArticle(article);
            state.setTimestamp(record.timestamp());
            int[] shingles = shingles(state);
            for (NearDupSketch waiting : state.getWaitingPartners()) {
                compare(articleId, state, shingles, waiting);
            }
            state.setWaitingPartners(new ArrayList<>());
        } else if (message instanceof NearDupBandResult result) {
            state.setBandsDone(state.getBandsDone() + 1);
            state.setCandidatesExpected(state.getCandidatesExpected() + result.getCandidates());
        } else if (message instanceof NearDupPartner partner) {
            if (partner.getCounted()) {
                state.setPartnersReceived(state.getPartnersReceived() + 1);
            }
            NearDupSketch sketch = partner.getPartner();
            if (sketch != null) {
                if (state.getArticle() != null) {
                    compare(articleId, state, shingles(state), sketch);
                } else {
                    List<NearDupSketch> waiting = new ArrayList<>(state.getWaitingPartners());
                    waiting.add(sketch);
                    state.setWaitingPartners(waiting);
                }
            }
        } else {
            throw new IllegalArgumentException("not a near-duplicate message: " + message.getClass());
        }
        decide(articleId, state, now);
    }

    private int[] shingles(NearDupPending state) {
        return sketcher.shingles(state.getArticle().getArticle().getBodyParagraphs());
    }

    private void compare(String articleId, NearDupPending state, int[] shingles, NearDupSketch partner) {
        if (partner.getArticleId().equals(articleId)) {
            return;
        }
        double similarity = Jaccard.exact(shingles, Shingles.fromBytes(partner.getShingles()));
        if (similarity < params.threshold()) {
            return;
        }
        NearDuplicateOrder.Seen self = seen(articleId, state.getArticle());
        NearDuplicateOrder.Seen other = new NearDuplicateOrder.Seen(
                partner.getArticleId(),
                partner.getIngestedAt().toEpochMilli(),
                partner.getSeenAt().toEpochMilli());
        if (NearDuplicateOrder.isOriginal(self, other, params.grace())) {
            return; // the partner is the duplicate; its own verdict says so
        }
        if (state.getOriginalId() == null
                || NearDuplicateOrder.precedes(
                        other,
                        new NearDuplicateOrder.Seen(
                                state.getOriginalId(),
                                state.getOriginalIngestedAt().toEpochMilli(),
                                0))) {
            state.setOriginalId(other.articleId());
            state.setOriginalIngestedAt(partner.getIngestedAt());
            state.setSimilarity(similarity);
        }
    }

    private static NearDuplicateOrder.Seen seen(String articleId, NearDupArticle article) {
        return new NearDuplicateOrder.Seen(
                articleId,
                article.getArticle().getSource().getIngestedAt().toEpochMilli(),
                article.getSeenAt().toEpochMilli());
    }

    private static boolean complete(NearDupPending state, int bands) {
        return state.getArticle() != null
                && state.getBandsDone() >= bands
                && state.getPartnersReceived() >= state.getCandidatesExpected();
    }

    private void decide(String articleId, NearDupPending state, long now) {
        if (complete(state, params.bands())) {
            if (state.getOriginalId() != null) {
                emitDuplicate(articleId, state, now);
                pending.delete(articleId);
                return;
            }
            if (state.getCompletedAt() == null) {
                state.setCompletedAt(Instant.ofEpochMilli(now));
            }
            if (now >= state.getCompletedAt().toEpochMilli() + params.hold().toMillis()) {
                emitOriginal(articleId, state);
                pending.delete(articleId);
                return;
            }
        }
        pending.put(articleId, state);
    }

    private void sweep(long now) {
        List<KeyValue<String, NearDupPending>> due = new ArrayList<>();
        try (KeyValueIterator<String, NearDupPending> it = pending.all()) {
            while (it.hasNext()) {
                KeyValue<String, NearDupPending> entry = it.next();
                NearDupPending state = entry.value;
                boolean released = state.getCompletedAt() != null
                        && now
                                >= state.getCompletedAt().toEpochMilli()
                                        + params.hold().toMillis();
                boolean overdue = now - state.getCreatedAt().toEpochMilli()
                        >= params.maxWait().toMillis();
                if (released || overdue) {
                    due.add(entry);
                }
            }
        }
        for (KeyValue<String, NearDupPending> entry : due) {
            NearDupPending state = entry.value;
            if (state.getArticle() == null) {
                log.debug("Dropping near-duplicate state of {}, whose article never arrived", entry.key);
            } else {
                if (!complete(state, params.bands())) {
                    log.warn(
                            "Article {}: only {} of {} band results and {} of {} candidates arrived within {};"
                                    + " deciding on those",
                            entry.key,
                            state.getBandsDone(),
                            params.bands(),
                            state.getPartnersReceived(),
                            state.getCandidatesExpected(),
                            params.maxWait());
                }
                if (state.getOriginalId() != null) {
                    emitDuplicate(entry.key, state, now);
                } else {
                    emitOriginal(entry.key, state);
                }
            }
            pending.delete(entry.key);
        }
    }

    private void emitOriginal(String articleId, NearDupPending state) {
        ParsedArticle article = state.getArticle().getArticle();
        context.forward(new Record<>(articleId, DedupOutcome.original(article), state.getTimestamp()));
    }

    private void emitDuplicate(String articleId, NearDupPending state, long now) {
        ParsedArticle article = state.getArticle().getArticle();
        DuplicateNotice notice = DuplicateNotice.newBuilder()
                .setDuplicateId(articleId)
                .setOriginalId(state.getOriginalId())
                .setKind(DuplicateKind.NEAR)
                .setSimilarity(state.getSimilarity())
                .setSeenAt(Instant.ofEpochMilli(now))
                .setDuplicateSource(article.getSource().getSourceUri())
                .setTitle(article.getTitle())
                .build();
        context.forward(new Record<>(articleId, DedupOutcome.duplicate(notice), state.getTimestamp()));
    }
}
