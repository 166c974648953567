package io.newsline.streams.story;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryKeeper;
import io.newsline.article.story.StoryParams;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The time per call of the story codec's and the publication's steps, for one story of a full centroid (150 terms
 * of the five blocks, some 25 named entities): decoding a ledger entry (the keeper, for a story not among its recent
 * ones), decoding a summary and preparing it for the instance's readers (the loader), encoding both, and building the
 * summary the keeper publishes. A development tool to compare two versions of {@link Story} and {@link StoryCodec}
 * (JIT warm: five rounds of 20,000 calls each, the first ones warming up); the stage's figures of record are {@code
 * StoryStageCpu} and the bench.
 *
 * <pre>
 * mvn -B -q -o -pl streams-app -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * cd streams-app &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     io.newsline.streams.story.StoryCodecCost
 * </pre>
 */
public final class StoryCodecCost {
    private static final int CALLS = 20_000;

    private StoryCodecCost() {}

    public static void main(String[] args) {
        Random random = new Random(1);
        Map<String, Double> centroid = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        String[] blocks = {"e:", "k:", "t:", "b:", "n:"};
        for (int i = 0; i < 150; i++) {
            String term = blocks[i % blocks.length] + "term" + Integer.toHexString(random.nextInt());
            centroid.put(term, random.nextDouble());
            if (term.startsWith("e:")) {
                names.put(term, "Name " + i);
            }
        }
        Story story = new Story(
                "story-0123456789abcdef", "A headline", 5, 1, 2, Story.NO_DATE, Story.NO_DATE, centroid, names, 7);
        StoryKeeper.PublishSummary publication = StoryKeeper.publication(story, StoryParams.defaults());
        byte[] entry = StoryCodec.encodeEntry(new StoryKeeper.Live(story), 1, 2);
        byte[] summary = StoryCodec.encodeSummary(publication);
        System.out.printf("entry %,d B, summary %,d B%n", entry.length, summary.length);
        long sink = 0;
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                sink += ((StoryKeeper.Live) StoryCodec.decodeEntry(entry))
                        .story()
                        .articles();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                Story read = StoryCodec.readSummary(story.id(), summary).story();
                read.prepareForReading();
                sink += read.articles();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                sink += StoryCodec.encodeEntry(new StoryKeeper.Live(story), 1, 2).length;
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                sink += StoryCodec.encodeSummary(publication).length;
            }
            long t4 = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                sink += StoryKeeper.publication(story.copy(), StoryParams.defaults())
                        .keys()
                        .size();
            }
            long t5 = System.nanoTime();
            System.out.printf(
                    "round %d: decode an entry %.1f us, decode and prepare a summary %.1f us, encode an entry %.1f us,"
                            + " encode a summary %.1f us, build a publication %.1f us%n",
                    round, micros(t1 - t0), micros(t2 - t1), micros(t3 - t2), micros(t4 - t3), micros(t5 - t4));
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static double micros(long nanos) {
        return nanos / 1e3 / CALLS;
    }
}
