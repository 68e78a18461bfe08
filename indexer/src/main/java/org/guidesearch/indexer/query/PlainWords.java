package org.guidesearch.indexer.query;

import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * The queries Lucene's {@link QueryBuilder} makes of words in a row, each on a position of its own, built straight from
 * the words. The builder reads its tokens twice through a caching filter, restoring every attribute of every token;
 * for the plain words most queries are, that replay was nearly a third of planning a new query (JFR, unseen keyword queries).
 * Queries with synonyms or stacked code parts still go through the builder.
 */
final class PlainWords {
    private PlainWords() {}

    /** Any of {@code words} in {@code field}: one word's term query, or optional term clauses; null for none. */
    static Query anyWord(List<TokenGraph.Word> words, String field, FieldRetarget.TermSource terms) {
        if (words.size() < 2) return oneWord(words, field, terms);
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        for (TokenGraph.Word w : words) out.add(new TermQuery(terms.term(field, w.term())), Occur.SHOULD);
        return out.build();
    }

    /**
     * {@code words} as a phrase in {@code field}, at most {@code slop} positions apart, each at its own position (a stop
     * word's hole stays); one word's term query; null for none.
     */
    static Query phrase(List<TokenGraph.Word> words, String field, int slop, FieldRetarget.TermSource terms) {
        if (words.size() < 2) return oneWord(words, field, terms);
        PhraseQuery.Builder out = new PhraseQuery.Builder().setSlop(slop);
        for (TokenGraph.Word w : words) out.add(terms.term(field, w.term()), w.position());
        return out.build();
    }

    /** No word or one: what the builder makes of either, whatever was asked for (null, or the word's term query). */
    private static Query oneWord(List<TokenGraph.Word> words, String field, FieldRetarget.TermSource terms) {
        return words.isEmpty()
                ? null
                : new TermQuery(terms.term(field, words.get(0).term()));
    }
}
