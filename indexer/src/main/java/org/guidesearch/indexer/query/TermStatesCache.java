package org.guidesearch.indexer.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Where each indexed term of one index generation sits in the term dictionary, and its statistics, looked up once.
 *
 * <p>A generation never changes, so neither do its terms' states. Looked up for leaves {@link LeafScores} scores for
 * the first time, for snippet weights and for the words a query is checked against. Terms the index lacks are
 * remembered too (most fields lack most query words); bounded, so that what readers type cannot grow it without end.
 */
final class TermStatesCache {
    private static final int MAX_TERMS = 100_000;

    private final IndexSearcher searcher;
    private final Cache<Term, TermStates> states;

    /** @param stats where this cache counts hits and misses (one counter outlives the generations) */
    TermStatesCache(IndexReader reader, StatsCounter stats) {
        this.searcher = new IndexSearcher(reader);
        this.states = Caffeine.newBuilder()
                .maximumSize(MAX_TERMS)
                .executor(Runnable::run) // evict on the searching thread: no background tasks to own or stop
                .recordStats(() -> stats)
                .build();
    }

    /** {@code query} carrying its term's cached state, so that Lucene need not look the term up again. */
    TermQuery withStates(TermQuery query) {
        return query.getTermStates() != null ? query : new TermQuery(query.getTerm(), statesOf(query.getTerm()));
    }

    /** How many documents hold {@code term}. */
    int docFreq(Term term) {
        return statesOf(term).docFreq();
    }

    Cache<?, ?> cache() {
        return states;
    }

    private TermStates statesOf(Term term) {
        return states.get(term, this::build);
    }

    private TermStates build(Term term) {
        try {
            return TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
