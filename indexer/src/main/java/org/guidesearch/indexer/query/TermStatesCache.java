package org.guidesearch.indexer.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Where each indexed term of one index generation sits in the term dictionary, and its statistics, looked up once.
 *
 * <p>A generation never changes, so neither do its terms' states. Looked up for leaves {@link LeafScores} scores for
 * the first time, for snippet weights and for the words a query is checked against; bounded, so that a guide's
 * vocabulary cannot grow it without end.
 *
 * <p>How many documents hold each term is read for the whole dictionary when the generation opens (a guide has tens
 * of thousands of terms, a few megabytes). Most words of a new query are in no document of most fields, and a plain
 * map answers that: kept in the cache, those absent terms outnumbered the guide's own four to one, and the cache's
 * bookkeeping on every look-up was a fifth of a new keyword search's CPU.
 */
final class TermStatesCache {
    private static final int MAX_TERMS = 100_000;

    private final IndexSearcher searcher;
    private final Map<Term, Integer> docFreqs;
    private final Cache<Term, TermStates> states;

    /** @param stats where this cache counts hits and misses (one counter outlives the generations) */
    TermStatesCache(IndexReader reader, StatsCounter stats) {
        this.searcher = new IndexSearcher(reader);
        this.docFreqs = docFreqs(reader);
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
        return docFreqs.getOrDefault(term, 0);
    }

    Cache<?, ?> cache() {
        return states;
    }

    /** The term's place in the dictionary of each segment, and its statistics. */
    TermStates statesOf(Term term) {
        if (!docFreqs.containsKey(term)) return new TermStates(searcher.getTopReaderContext()); // held nowhere
        return states.get(term, this::build);
    }

    private static Map<Term, Integer> docFreqs(IndexReader reader) {
        Map<Term, Integer> out = new HashMap<>();
        try {
            for (LeafReaderContext segment : reader.leaves()) {
                for (FieldInfo field : segment.reader().getFieldInfos()) {
                    Terms terms = segment.reader().terms(field.name);
                    if (terms == null) continue;
                    TermsEnum te = terms.iterator();
                    for (BytesRef t = te.next(); t != null; t = te.next()) {
                        out.merge(new Term(field.name, BytesRef.deepCopyOf(t)), te.docFreq(), Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }

    private TermStates build(Term term) {
        try {
            return TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
