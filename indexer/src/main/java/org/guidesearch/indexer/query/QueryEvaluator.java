package org.guidesearch.indexer.query;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Scores a query's boolean and boost structure the way Lucene's {@link BooleanQuery} does (a document's score is
 * the sum of its matching clauses' scores, each clause's sum rounded to a float as Lucene's scorers return it), over
 * the leaves' remembered matches ({@link LeafScores}).
 *
 * <p>A boolean query with a minimum number of optional clauses is handed to Lucene whole, as a leaf.
 */
final class QueryEvaluator {
    private final LeafScores leaves;

    QueryEvaluator(LeafScores leaves) {
        this.leaves = leaves;
    }

    /** The leaves' cache, for its statistics. */
    Cache<?, ?> leafCache() {
        return leaves.cache();
    }

    /** The phrases' words' document lists, for their statistics. */
    Cache<?, ?> termDocsCache() {
        return leaves.termDocsCache();
    }

    /** Every document {@code query} matches, with its score, in document order. */
    ScoreDoc[] matches(Query query) throws IOException {
        LeafMatches m = evaluate(query, 1f);
        ScoreDoc[] out = new ScoreDoc[m.size()];
        for (int i = 0; i < out.length; i++) out[i] = new ScoreDoc(m.doc(i), m.score(i));
        return out;
    }

    private LeafMatches evaluate(Query query, float boost) throws IOException {
        if (query instanceof BoostQuery b) {
            return evaluate(b.getQuery(), boost * b.getBoost());
        }
        if (query instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0) {
            return bool(b, boost);
        }
        // Leaves that cannot match are told apart as cheaply as kept ones are found, so they are not kept.
        if (leaves.lacksAWord(query)) return LeafMatches.NONE;
        // Leaves are kept at boost 1 and scaled: a leaf's score is linear in its boost (BM25's weight, a constant
        // score).
        if (query instanceof TermQuery t) return leaves.ofTerm(t).scaled(boost);
        LeafMatches known = leaves.known(query);
        if (known != null) return known.scaled(boost);
        if (leaves.wordsNeverMeet(query)) return LeafMatches.NONE;
        Query rewritten = leaves.rewrite(query);
        LeafMatches computed =
                rewritten != query && (rewritten instanceof BooleanQuery || rewritten instanceof BoostQuery)
                        ? evaluate(rewritten, 1f)
                        : leaves.score(rewritten);
        leaves.remember(query, computed);
        return computed.scaled(boost);
    }

    /** Required clauses must all match and add their scores; optional ones add theirs; excluded ones remove. */
    private LeafMatches bool(BooleanQuery query, float boost) throws IOException {
        List<LeafMatches> required = new ArrayList<>();
        List<LeafMatches> filters = new ArrayList<>();
        List<LeafMatches> optional = new ArrayList<>();
        List<LeafMatches> excluded = new ArrayList<>();
        for (BooleanClause c : query.clauses()) {
            switch (c.getOccur()) {
                case MUST -> required.add(evaluate(c.getQuery(), boost));
                case FILTER -> filters.add(evaluate(c.getQuery(), 0f));
                case SHOULD -> optional.add(evaluate(c.getQuery(), boost));
                case MUST_NOT -> excluded.add(evaluate(c.getQuery(), 0f));
            }
        }
        Sum sum;
        if (required.isEmpty() && filters.isEmpty()) {
            if (optional.isEmpty()) return LeafMatches.NONE;
            sum = new Sum(optional.get(0));
            for (int i = 1; i < optional.size(); i++) sum.or(optional.get(i));
        } else {
            sum = required.isEmpty() ? new Sum(filters.get(0)).zeroed() : new Sum(required.get(0));
            for (int i = required.isEmpty() ? 0 : 1; i < required.size(); i++) sum.and(required.get(i), true);
            for (LeafMatches f : filters) sum.and(f, false);
            for (LeafMatches o : optional) sum.addWhereMatched(o);
        }
        for (LeafMatches e : excluded) sum.without(e);
        return sum.toMatches();
    }

    /** Sorted documents with double-precision running sums, as Lucene's boolean scorers add clause scores. */
    private static final class Sum {
        private int[] docs;
        private double[] scores;
        private int n;

        Sum(LeafMatches first) {
            n = first.size();
            docs = new int[n];
            scores = new double[n];
            for (int i = 0; i < n; i++) {
                docs[i] = first.doc(i);
                scores[i] = first.score(i);
            }
        }

        Sum zeroed() {
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
}
