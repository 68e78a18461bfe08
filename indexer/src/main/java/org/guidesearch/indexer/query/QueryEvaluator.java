package org.guidesearch.indexer.query;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.util.ArrayList;
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
        if (query instanceof WordsInFields w) {
            return inFields(w.model(), w.fields(), boost);
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

    /**
     * {@code query}, a query of one field, scored in every one of {@code fields} with their weights, as the optional
     * clauses of one boolean query would score its copies ({@link WordsInFields}). A sum of optional clauses is the sum
     * of its clauses in every field, so the words' sums across the fields are kept and added ({@link
     * LeafScores#ofWordIn}); any other part (a conjunction, a phrase, a group of synonyms) is copied to each field.
     */
    private LeafMatches inFields(Query query, WeightedFields fields, float boost) throws IOException {
        if (query instanceof BoostQuery b) {
            return inFields(b.getQuery(), fields, boost * b.getBoost());
        }
        if (query instanceof TermQuery t) {
            return leaves.ofWordIn(t.getTerm().bytes(), fields).scaled(boost);
        }
        List<LeafMatches> parts = new ArrayList<>();
        if (query instanceof BooleanQuery b && isSumOfOptional(b)) {
            for (BooleanClause c : b.clauses()) parts.add(inFields(c.getQuery(), fields, boost));
        } else {
            for (WeightedFields.Field f : fields.fields()) {
                parts.add(evaluate(FieldRetarget.to(query, f.name(), leaves::term), boost * f.boost()));
            }
        }
        return ScoreSum.of(parts);
    }

    static boolean isSumOfOptional(BooleanQuery query) {
        return query.getMinimumNumberShouldMatch() == 0
                && query.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD);
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
        ScoreSum sum;
        if (required.isEmpty() && filters.isEmpty()) {
            if (optional.isEmpty()) return LeafMatches.NONE;
            sum = ScoreSum.union(optional);
        } else {
            sum = required.isEmpty() ? new ScoreSum(filters.get(0)).zeroed() : new ScoreSum(required.get(0));
            for (int i = required.isEmpty() ? 0 : 1; i < required.size(); i++) sum.and(required.get(i), true);
            for (LeafMatches f : filters) sum.and(f, false);
            for (LeafMatches o : optional) sum.addWhereMatched(o);
        }
        for (LeafMatches e : excluded) sum.without(e);
        return sum.toMatches();
    }
}
