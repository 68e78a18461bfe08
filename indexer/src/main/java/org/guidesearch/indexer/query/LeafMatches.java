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

    LeafMatches(int[] docs, float[] scores) {
        if (docs.length != scores.length) throw new IllegalArgumentException("one score per document");
        this.docs = docs;
        this.scores = scores;
    }

    int size() {
        return docs.length;
    }

    int doc(int i) {
        return docs[i];
    }

    float score(int i) {
        return scores[i];
    }
}
