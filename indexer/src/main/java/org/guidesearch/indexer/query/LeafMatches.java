package org.guidesearch.indexer.query;

/**
 * The documents a query matches, in increasing order, each with its score; arrays of exactly the match count.
 *
 * <p>Not a record: it holds arrays, which a record would compare by identity.
 */
final class LeafMatches {
    static final LeafMatches NONE = new LeafMatches(new int[0], new float[0]);

    private final int[] docs;
    private final float[] scores;
    /** What every score is multiplied by: the boost of a query whose unboosted matches are shared. */
    private final float scale;

    LeafMatches(int[] docs, float[] scores) {
        this(docs, scores, 1f);
    }

    private LeafMatches(int[] docs, float[] scores, float scale) {
        if (docs.length != scores.length) throw new IllegalArgumentException("one score per document");
        this.docs = docs;
        this.scores = scores;
        this.scale = scale;
    }

    /** The same matches with every score multiplied by {@code boost}, sharing these arrays. */
    LeafMatches scaled(float boost) {
        return boost == 1f || docs.length == 0 ? this : new LeafMatches(docs, scores, scale * boost);
    }

    int size() {
        return docs.length;
    }

    int doc(int i) {
        return docs[i];
    }

    float score(int i) {
        return scores[i] * scale;
    }
}
