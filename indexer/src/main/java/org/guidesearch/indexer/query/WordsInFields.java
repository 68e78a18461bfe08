package org.guidesearch.indexer.query;

import java.io.IOException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

/**
 * Any of a query's words in several fields, each field's score weighted: what a boolean query of one copy of the words'
 * query per field scores ({@link #expanded}, which Lucene is given when it rewrites this).
 *
 * <p>{@link QueryEvaluator} scores it a word at a time instead: a word's weighted scores in every field, added once
 * and kept ({@link LeafScores#ofWordIn}), answer each time that word comes back. Copying every new query to five more
 * fields and scoring a leaf per word and field took a large share of a new keyword search (JFR, unseen queries at 32
 * connections: the copies 6 % of the request threads' samples, the evaluation, most of it those leaves, 15 %). A sum
 * of sums is the same sum, up to float rounding.
 */
final class WordsInFields extends Query {
    private final Query model;
    private final WeightedFields fields;

    /** @param model the words' query in the first of {@code fields}; {@link FieldRetarget} must be able to copy it */
    WordsInFields(Query model, WeightedFields fields) {
        this.model = model;
        this.fields = fields;
    }

    Query model() {
        return model;
    }

    WeightedFields fields() {
        return fields;
    }

    /**
     * One copy of the model per field, each boosted by its field's weight, as optional clauses. When the fields are
     * {@linkplain WeightedFields#combined() scored as one}, each single word of the model's sum is their combined
     * query instead, and only its other parts (phrases, groups of synonyms) are copied per field.
     */
    Query expanded() {
        return fields.combined() ? combined(model) : perField(model);
    }

    private Query perField(Query query) {
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        for (WeightedFields.Field f : fields.fields()) {
            Query copy = FieldRetarget.to(query, f.name(), FieldRetarget.NEW_TERMS);
            out.add(f.boost() == 1f ? copy : new BoostQuery(copy, f.boost()), Occur.SHOULD);
        }
        return out.build();
    }

    /** The same walk as {@link QueryEvaluator}'s over fields scored as one: words combined, the rest per field. */
    private Query combined(Query query) {
        if (query instanceof BoostQuery b) return new BoostQuery(combined(b.getQuery()), b.getBoost());
        if (query instanceof TermQuery t)
            return fields.combinedQuery(t.getTerm().bytes());
        if (query instanceof BooleanQuery b && QueryEvaluator.isSumOfOptional(b)) {
            BooleanQuery.Builder out = new BooleanQuery.Builder();
            for (BooleanClause c : b.clauses()) out.add(combined(c.getQuery()), Occur.SHOULD);
            return out.build();
        }
        return perField(query);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        return expanded();
    }

    @Override
    public void visit(QueryVisitor visitor) {
        expanded().visit(visitor);
    }

    @Override
    public String toString(String field) {
        return fields.fields() + ":(" + model.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
                && model.equals(((WordsInFields) other).model)
                && fields.equals(((WordsInFields) other).fields);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classHash() + model.hashCode()) + fields.hashCode();
    }
}
