package org.guidesearch.indexer.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Which documents hold each term of one index generation, read from the postings once and kept, to tell phrases that
 * cannot match without asking Lucene.
 *
 * <p>Every phrase of a query nobody sent before is a new leaf. Lucene's phrase weight looks each of its words up in
 * the term dictionary again and opens their positions: a profile of never-repeated queries put that at a fifth of a
 * keyword search's CPU. Most of those phrases match nothing, because no document holds all their words (a title with
 * two given words, six typed words in one paragraph); merging the words' sorted document lists says so for the cost
 * of walking a few short arrays. Bounded to about {@link #MAX_BYTES}, so that what readers type cannot grow it without
 * end.
 */
final class TermDocs {
    private static final long MAX_BYTES = 16L << 20;
    /** A cached term's key and map entry, roughly; each document adds four bytes. */
    private static final int ENTRY_BYTES = 96;

    private static final int[] NO_DOCS = new int[0];

    private final IndexReader reader;
    private final TermStatesCache termStates;
    private final Cache<Term, int[]> docs;

    /** @param stats where this cache counts hits and misses (one counter outlives the generations) */
    TermDocs(IndexReader reader, TermStatesCache termStates, StatsCounter stats) {
        this.reader = reader;
        this.termStates = termStates;
        this.docs = Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES)
                .weigher((Term term, int[] d) -> ENTRY_BYTES + 4 * d.length)
                .executor(Runnable::run) // evict on the searching thread: no background tasks to own or stop
                .recordStats(() -> stats)
                .build();
    }

    Cache<?, ?> cache() {
        return docs;
    }

    /**
     * Whether some document holds, at every position of a phrase, one of the terms offered for that position. A
     * phrase can only match in such a document, so false means it matches nothing. True does not mean it matches:
     * the words may hold no such order there.
     */
    boolean someDocumentHoldsAll(List<Term[]> positions) {
        int[] shared = null;
        for (Term[] alternatives : positions) {
            int[] any = union(alternatives);
            shared = shared == null ? any : intersection(shared, any);
            if (shared.length == 0) return false;
        }
        return shared != null;
    }

    private int[] union(Term[] alternatives) {
        int[] out = NO_DOCS;
        for (Term t : alternatives) {
            int[] d = of(t);
            out = out.length == 0 ? d : merged(out, d);
        }
        return out;
    }

    /** The documents holding {@code term}, in increasing order. */
    int[] of(Term term) {
        if (termStates.docFreq(term) == 0) return NO_DOCS; // most fields lack most words: not kept
        return docs.get(term, this::read);
    }

    private int[] read(Term term) {
        try {
            TermStates states = termStates.statesOf(term);
            int[] out = new int[states.docFreq()];
            int n = 0;
            for (LeafReaderContext segment : reader.leaves()) {
                TermState state = states.get(segment);
                Terms terms = state == null ? null : segment.reader().terms(term.field());
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                te.seekExact(term.bytes(), state);
                PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (n == out.length) out = Arrays.copyOf(out, Math.max(4, n * 2));
                    out[n++] = segment.docBase + doc;
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] intersection(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0, j = 0, k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else {
                out[k++] = a[i];
                i++;
                j++;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private static int[] merged(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || (i < a.length && a[i] < b[j])) out[k++] = a[i++];
            else if (i == a.length || b[j] < a[i]) out[k++] = b[j++];
            else {
                out[k++] = a[i++];
                j++;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }
}
