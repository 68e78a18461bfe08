package org.guidesearch.indexer.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
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
 * bookkeeping on every look-up was a fifth of a new keyword search's CPU. The same map hands out one {@link Term}
 * per indexed term ({@link #term}), so that a query copied to another field ({@link FieldRetarget}) need not copy
 * its words' bytes: those copies were two fifths of what a new keyword search allocated.
 */
final class TermStatesCache {
    private static final int MAX_TERMS = 100_000;

    private final IndexSearcher searcher;
    /** Every indexed term by field and bytes, with how many documents hold it. */
    private final Map<String, Map<BytesRef, Held>> dictionary;

    private final Cache<Term, TermStates> states;

    /** @param stats where this cache counts hits and misses (one counter outlives the generations) */
    TermStatesCache(IndexReader reader, StatsCounter stats) {
        this.searcher = new IndexSearcher(reader);
        this.dictionary = dictionary(reader);
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

    /** An indexed term, and how many documents hold it. */
    private record Held(Term term, int docFreq) {}

    /** How many documents hold {@code term}. */
    int docFreq(Term term) {
        Held held = held(term.field(), term.bytes());
        return held == null ? 0 : held.docFreq();
    }

    /** The term of {@code field} with {@code bytes}: the dictionary's own when it is indexed, else a new one. */
    Term term(String field, BytesRef bytes) {
        Held held = held(field, bytes);
        return held != null ? held.term() : new Term(field, bytes);
    }

    private Held held(String field, BytesRef bytes) {
        Map<BytesRef, Held> terms = dictionary.get(field);
        return terms == null ? null : terms.get(bytes);
    }

    Cache<?, ?> cache() {
        return states;
    }

    /** The term's place in the dictionary of each segment, and its statistics. */
    TermStates statesOf(Term term) {
        if (docFreq(term) == 0) return new TermStates(searcher.getTopReaderContext()); // held nowhere
        return states.get(term, this::build);
    }

    private static Map<String, Map<BytesRef, Held>> dictionary(IndexReader reader) {
        Map<String, Map<BytesRef, Held>> out = new HashMap<>();
        try {
            for (LeafReaderContext segment : reader.leaves()) {
                for (FieldInfo field : segment.reader().getFieldInfos()) {
                    Terms terms = segment.reader().terms(field.name);
                    if (terms == null) continue;
                    Map<BytesRef, Held> ofField = out.computeIfAbsent(field.name, f -> new HashMap<>());
                    TermsEnum te = terms.iterator();
                    for (BytesRef t = te.next(); t != null; t = te.next()) {
                        int docFreq = te.docFreq();
                        Held before = ofField.get(t);
                        Term term = before != null ? before.term() : new Term(field.name, BytesRef.deepCopyOf(t));
                        ofField.put(term.bytes(), new Held(term, docFreq + (before == null ? 0 : before.docFreq())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Left as hash maps, unmodifiable: Map.copyOf's open addressing compares keys on every probe, and a BytesRef
        // compares its bytes, where a hash map compares the stored hashes first. A new query's words are looked up
        // here in every field, mostly in vain: the copies' probing took 6 % of the service's CPU (JFR, unseen keyword
        // queries).
        out.replaceAll((field, terms) -> Collections.unmodifiableMap(terms));
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
