package org.guidesearch.indexer.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * What each leaf query (a term, a phrase, a group of synonyms, a prefix) matches in one index generation, with
 * Lucene's scores, computed once and kept.
 *
 * <p>A generation never changes, so neither does what a leaf matches or how it scores. Profiling showed that
 * Lucene spent most of a keyword search setting up each of a query's thirty-odd leaves (weights, postings readers,
 * phrase statistics), not scoring the few sections they match; readers' queries share their words, so the same
 * leaves come back again and again. A single indexed term is kept for the generation's life (a guide of 300 sections
 * holds about 120,000 postings in all, a few megabytes); the other leaves (phrases, synonyms, prefixes) are bounded to
 * about {@link #MAX_BYTES}: what readers type cannot grow them without end, and Caffeine's frequency-based admission
 * keeps the leaves that come back rather than one-off ones.
 */
final class LeafScores {
    /**
     * BM25 with less length normalisation than Lucene's default (b 0.4, not 0.75): a guide's sections range from a
     * line to pages, and the long ones that teach a topic whole were outranked by short ones that name it in passing.
     * Hybrid nDCG@10 against 0.75 (README, "Search quality"): the uncurated guide 0.928 → 0.939 on keywords and 0.643
     * → 0.647 on questions (P@1 0.427 → 0.453); the other guide's four sets within −0.004 and +0.001.
     */
    static final BM25Similarity SIMILARITY = new BM25Similarity(1.2f, 0.4f);

    private static final long MAX_BYTES = 32L << 20;
    /** A cached leaf's key query and map entry, roughly; each match adds a document number and a score. */
    private static final int ENTRY_BYTES = 256;

    private static final int MATCH_BYTES = 8;

    private final IndexSearcher searcher;
    private final TermStatesCache termStates;
    private final TermDocs termDocs;
    /** The other leaves' matches (phrases, synonyms, prefixes) at boost 1, by the leaf. */
    private final Cache<Query, LeafMatches> cache;
    /**
     * Each indexed term's matches at boost 1, kept for the generation's life: most leaves of a query are single terms,
     * and a plain map answers them without the cache's bookkeeping (JFR, unseen keyword queries at 32 connections:
     * the cache's reads took 7 % of the service's CPU, and the upkeep they cause on the searching thread a few more).
     * Bounded by the generation's own postings: only terms the dictionary holds are kept ({@link #lacksAWord} answers
     * the others first).
     */
    private final Map<Term, LeafMatches> termMatches = new ConcurrentHashMap<>();

    /**
     * Each word's weighted matches across a set of fields, added up ({@link #ofWordIn}), kept for the generation's life
     * like single terms' and bounded the same way: only words some field's dictionary holds are kept, under that
     * dictionary's own bytes.
     */
    private final Map<WeightedFields, Map<BytesRef, LeafMatches>> wordsInFields = new ConcurrentHashMap<>();

    /** @param stats where the cache counts hits and misses (one counter outlives the generations) */
    LeafScores(IndexReader reader, TermStatesCache termStates, TermDocs termDocs, StatsCounter stats) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES)
                .weigher((Query leaf, LeafMatches m) -> ENTRY_BYTES + MATCH_BYTES * m.size())
                .executor(Runnable::run) // evict on the searching thread: no background tasks to own or stop
                .recordStats(() -> stats)
                .build();
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(SIMILARITY);
        this.searcher.setQueryCache(null); // this class is the cache
        this.termStates = termStates;
        this.termDocs = termDocs;
    }

    /** {@code leaf} in the primitive form Lucene scores (a one-term phrase becomes a term query, and so on). */
    Query rewrite(Query leaf) throws IOException {
        return searcher.rewrite(leaf);
    }

    /** What the indexed term of {@code leaf} matches, at boost 1. */
    LeafMatches ofTerm(TermQuery leaf) throws IOException {
        Term term = leaf.getTerm();
        LeafMatches matches = termMatches.get(term);
        if (matches == null) {
            matches = score(leaf);
            termMatches.putIfAbsent(term, matches);
        }
        return matches;
    }

    /**
     * What the term {@code word} matches in every one of {@code fields}: each field's scores multiplied by its weight and
     * the fields' added, what the fields' term queries, boosted, score as optional clauses of one boolean query; or,
     * when the fields are {@linkplain WeightedFields#combined() scored as one}, what their combined query scores.
     */
    LeafMatches ofWordIn(BytesRef word, WeightedFields fields) throws IOException {
        Map<BytesRef, LeafMatches> kept = wordsInFields.computeIfAbsent(fields, f -> new ConcurrentHashMap<>());
        LeafMatches matches = kept.get(word);
        if (matches != null) return matches;
        // Scored as one, the word's combined query scores every field at once: no per-field sum to gather.
        List<LeafMatches> each =
                fields.combined() ? null : new ArrayList<>(fields.fields().size());
        BytesRef indexed = null;
        for (WeightedFields.Field f : fields.fields()) {
            Term term = termStates.term(f.name(), word);
            if (termStates.docFreq(term) == 0) continue;
            indexed = term.bytes(); // the dictionary's own copy, which nothing changes
            if (each != null) each.add(ofTerm(new TermQuery(term)).scaled(f.boost()));
        }
        if (indexed == null)
            return LeafMatches.NONE; // in no field: not kept, so that unknown words cannot grow the map
        matches = each != null ? ScoreSum.of(each) : ofCombined(fields.combinedQuery(indexed));
        kept.putIfAbsent(indexed, matches);
        return matches;
    }

    /** What a word's combined query matches: its query scored by Lucene, then its boost (the weights' sum) applied. */
    private LeafMatches ofCombined(BoostQuery combined) throws IOException {
        return score(searcher.rewrite(combined.getQuery())).scaled(combined.getBoost());
    }

    /** The term of {@code field} with {@code bytes}: the dictionary's own when it is indexed. */
    Term term(String field, BytesRef bytes) {
        return termStates.term(field, bytes);
    }

    /** What {@code leaf} matched at boost 1 when it was last scored, or null. */
    LeafMatches known(Query leaf) {
        return cache.getIfPresent(leaf);
    }

    /** Keeps what {@code leaf} matched at boost 1 (the cache may evict it later). */
    void remember(Query leaf, LeafMatches matches) {
        cache.put(leaf, matches);
    }

    Cache<?, ?> cache() {
        return cache;
    }

    Cache<?, ?> termDocsCache() {
        return termDocs.cache();
    }

    /** Scores {@code leaf} at boost 1, which must be rewritten already, with Lucene over every segment. */
    LeafMatches score(Query leaf) throws IOException {
        Query query = leaf instanceof TermQuery t ? termStates.withStates(t) : leaf;
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE, 1f);
        int[] docs = new int[16];
        float[] scores = new float[16];
        int n = 0;
        for (LeafReaderContext segment : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(segment);
            if (scorer == null) continue;
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (n == docs.length) {
                    docs = Arrays.copyOf(docs, n * 2);
                    scores = Arrays.copyOf(scores, n * 2);
                }
                docs[n] = segment.docBase + doc;
                scores[n++] = scorer.score();
            }
        }
        return n == 0 ? LeafMatches.NONE : new LeafMatches(Arrays.copyOf(docs, n), Arrays.copyOf(scores, n));
    }

    /**
     * Whether {@code leaf} certainly matches nothing because a word of it is nowhere in its field, answered from the
     * dictionary's document counts. Most leaves a new query brings are such (a title rarely holds a given word), and
     * this is cheaper than looking the leaf up among those kept.
     */
    boolean lacksAWord(Query leaf) {
        if (leaf instanceof TermQuery t) return termStates.docFreq(t.getTerm()) == 0;
        if (leaf instanceof PhraseQuery p) {
            for (Term term : p.getTerms()) {
                if (termStates.docFreq(term) == 0) return true;
            }
        }
        return false;
    }

    /**
     * Whether no document holds all of a phrase's words ({@link TermDocs}), so that it matches nothing: telling so
     * from the words' document lists is cheaper than Lucene's phrase weight, which looks every word up afresh, and
     * than keeping the answer.
     */
    boolean wordsNeverMeet(Query leaf) {
        if (leaf instanceof PhraseQuery p) {
            return !termDocs.someDocumentHoldsAll(
                    Arrays.stream(p.getTerms()).map(t -> new Term[] {t}).toList());
        }
        if (leaf instanceof MultiPhraseQuery p) {
            return !termDocs.someDocumentHoldsAll(Arrays.asList(p.getTermArrays()));
        }
        return false;
    }
}
