package org.guidesearch.indexer.query;

import java.util.Arrays;
import java.util.List;

/**
 * Matches being added up: sorted documents with double-precision running sums, as Lucene's boolean scorers add
 * clause scores, rounded to floats at the end ({@link #toMatches}) as a scorer returns them. Not thread-safe.
 */
final class ScoreSum {
    private int[] docs;
    private double[] scores;
    private int n;

    /** The sum of {@code all}: every document any of them matches, with its scores added; none for none. */
    static LeafMatches of(List<LeafMatches> all) {
        return all.isEmpty() ? LeafMatches.NONE : union(all).toMatches();
    }

    /** The union of {@code all}, at least one, still open to more clauses. */
    static ScoreSum union(List<LeafMatches> all) {
        ScoreSum sum = new ScoreSum(all.get(0));
        for (int i = 1; i < all.size(); i++) sum.or(all.get(i));
        return sum;
    }

    ScoreSum(LeafMatches first) {
        n = first.size();
        docs = new int[n];
        scores = new double[n];
        for (int i = 0; i < n; i++) {
            docs[i] = first.doc(i);
            scores[i] = first.score(i);
        }
    }

    ScoreSum zeroed() {
        Arrays.fill(scores, 0, n, 0d);
        return this;
    }

    /** Union: documents of either, scores added. */
    void or(LeafMatches other) {
        int[] d = new int[n + other.size()];
        double[] s = new double[d.length];
        int i = 0, j = 0, k = 0;
        while (i < n || j < other.size()) {
            if (j == other.size() || (i < n && docs[i] < other.doc(j))) {
                d[k] = docs[i];
                s[k++] = scores[i++];
            } else if (i == n || other.doc(j) < docs[i]) {
                d[k] = other.doc(j);
                s[k++] = other.score(j++);
            } else {
                d[k] = docs[i];
                s[k++] = scores[i++] + other.score(j++);
            }
        }
        docs = d;
        scores = s;
        n = k;
    }

    /** Intersection: documents of both, the other's scores added when {@code scoring}. */
    void and(LeafMatches other, boolean scoring) {
        walk(other, Keep.SHARED, scoring);
    }

    /** Adds the other's scores to the documents already here, matching no new ones. */
    void addWhereMatched(LeafMatches other) {
        walk(other, Keep.ALL, true);
    }

    /** Removes the other's documents. */
    void without(LeafMatches other) {
        walk(other, Keep.UNSHARED, false);
    }

    /** Which of the documents here stay after a walk beside another, sorted list. */
    private enum Keep {
        SHARED,
        UNSHARED,
        ALL
    }

    /** One pass over both sorted lists: keeps documents as {@code keep} says, adding shared ones' scores if asked. */
    private void walk(LeafMatches other, Keep keep, boolean addScores) {
        int j = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (j < other.size() && other.doc(j) < docs[i]) j++;
            boolean shared = j < other.size() && other.doc(j) == docs[i];
            if (keep == Keep.SHARED && !shared || keep == Keep.UNSHARED && shared) continue;
            docs[k] = docs[i];
            scores[k++] = scores[i] + (shared && addScores ? other.score(j) : 0);
        }
        n = k;
    }

    LeafMatches toMatches() {
        if (n == 0) return LeafMatches.NONE;
        int[] d = Arrays.copyOf(docs, n);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = (float) scores[i];
        return new LeafMatches(d, s);
    }
}
