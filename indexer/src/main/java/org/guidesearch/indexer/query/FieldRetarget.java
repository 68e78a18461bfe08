package org.guidesearch.indexer.query;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The same query on another field. Every searched field shares one analyzer, so the query Lucene's query builder
 * makes for one field is, term for term, the query it would make for any other; copying it is much cheaper than
 * building it again (a query with multi-word synonyms is built through a token graph and an automaton).
 */
final class FieldRetarget {
    private FieldRetarget() {}

    /** Copies keep each phrase's slop. */
    private static final int SAME_SLOP = -1;

    /** Makes a moved term: the field's own term when it has one, so that its bytes are not copied again. */
    interface TermSource {
        Term term(String field, BytesRef bytes);
    }

    /** Every moved term new. */
    static final TermSource NEW_TERMS = Term::new;

    /** {@code query} with every term moved to {@code field}, or null when it holds a kind of query not handled here. */
    static Query to(Query query, String field, TermSource terms) {
        return copy(query, field, SAME_SLOP, terms);
    }

    /**
     * {@code query} with every term moved to {@code field} and every phrase given {@code slop}; what Lucene's builder
     * makes of the same text with that slop, since a phrase's slop changes no more than the phrase's own setting.
     */
    static Query to(Query query, String field, int slop, TermSource terms) {
        return copy(query, field, slop, terms);
    }

    /** Whether {@link #to} can copy {@code query}: it is made of boolean, boost, term, synonym and phrase queries. */
    static boolean copiable(Query query) {
        if (query instanceof BoostQuery b) return copiable(b.getQuery());
        if (query instanceof BooleanQuery b) return b.clauses().stream().allMatch(c -> copiable(c.getQuery()));
        return query instanceof TermQuery
                || query instanceof SynonymQuery
                || query instanceof PhraseQuery
                || query instanceof MultiPhraseQuery;
    }

    private static Query copy(Query query, String field, int slop, TermSource terms) {
        if (query instanceof BoostQuery b) {
            Query inner = copy(b.getQuery(), field, slop, terms);
            return inner == null ? null : new BoostQuery(inner, b.getBoost());
        }
        if (query instanceof BooleanQuery b) {
            BooleanQuery.Builder out =
                    new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) {
                Query inner = copy(c.getQuery(), field, slop, terms);
                if (inner == null) return null;
                out.add(inner, c.getOccur());
            }
            return out.build();
        }
        return leafTo(query, field, slop, terms);
    }

    private static Query leafTo(Query query, String field, int slop, TermSource terms) {
        if (query instanceof TermQuery t) {
            return new TermQuery(terms.term(field, t.getTerm().bytes()));
        }
        if (query instanceof SynonymQuery s) {
            SynonymQuery.Builder b = new SynonymQuery.Builder(field);
            for (Term t : s.getTerms()) b.addTerm(terms.term(field, t.bytes()));
            return b.build();
        }
        if (query instanceof PhraseQuery p) {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop == SAME_SLOP ? p.getSlop() : slop);
            Term[] words = p.getTerms();
            int[] positions = p.getPositions();
            for (int i = 0; i < words.length; i++) b.add(terms.term(field, words[i].bytes()), positions[i]);
            return b.build();
        }
        if (query instanceof MultiPhraseQuery p) {
            MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder().setSlop(slop == SAME_SLOP ? p.getSlop() : slop);
            Term[][] words = p.getTermArrays();
            int[] positions = p.getPositions();
            for (int i = 0; i < words.length; i++) {
                Term[] at = new Term[words[i].length];
                for (int j = 0; j < at.length; j++) at[j] = terms.term(field, words[i][j].bytes());
                b.add(at, positions[i]);
            }
            return b.build();
        }
        return null;
    }
}
