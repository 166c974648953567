package io.newsline.article.similarity;

import java.util.List;

/**
 * What near-duplicate detection computes from an article body: its shingle set, the MinHash signature of that
 * set and the signature's LSH band keys. Only the shingle set is stored (to verify candidates exactly); the band
 * keys route the article to the partitions that find its candidates.
 */
public record ArticleSketch(int[] shingles, int[] signature, long[] bandKeys) {

    /** Computes sketches with fixed parameters; thread-safe and reusable. */
    public static final class Sketcher {
        private final int shingleSize;
        private final MinHasher minHasher;
        private final LshBands lsh;

        public Sketcher(NearDuplicateParams params) {
            this(params.shingleSize(), params.lsh());
        }

        public Sketcher(int shingleSize, LshBands lsh) {
            this.shingleSize = shingleSize;
            this.lsh = lsh;
            this.minHasher = new MinHasher(lsh.numHashes());
        }

        public ArticleSketch sketch(List<String> bodyParagraphs) {
            return ofShingles(Shingles.of(bodyParagraphs, shingleSize));
        }

        public ArticleSketch ofShingles(int[] shingles) {
            int[] signature = minHasher.signature(shingles);
            return new ArticleSketch(shingles, signature, lsh.keys(signature));
        }

        public int[] shingles(List<String> bodyParagraphs) {
            return Shingles.of(bodyParagraphs, shingleSize);
        }

        public LshBands lsh() {
            return lsh;
        }
    }
}
