package org.guidesearch.indexer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Where each indexed term of one index generation sits in the term dictionary, and its statistics, looked up once.
 *
 * <p>A generation never changes, so neither do its terms' states; without this, every search looked each of its
 * thirty-odd (field, term) pairs up in the dictionary again (now only those not yet in {@link LeafScores}). Terms the index lacks are remembered too (most
 * fields lack most query words), up to a bound, so that what readers type cannot grow the cache without end.
 */
final class TermStatesCache {
  private static final int MAX_TERMS = 100_000;

  private final IndexSearcher searcher;
  private final Map<Term, TermStates> states = new ConcurrentHashMap<>();

  TermStatesCache(IndexReader reader) {
    this.searcher = new IndexSearcher(reader);
  }

  /** {@code query} carrying its term's cached state, so that Lucene need not look the term up again. */
  TermQuery withStates(TermQuery query) {
    return query.getTermStates() != null ? query : new TermQuery(query.getTerm(), statesOf(query.getTerm()));
  }

  /** How many documents hold {@code term}. */
  int docFreq(Term term) {
    return statesOf(term).docFreq();
  }

  private TermStates statesOf(Term term) {
    TermStates cached = states.get(term);
    if (cached != null) return cached;
    try {
      TermStates built = TermStates.build(searcher, term, true);
      if (states.size() < MAX_TERMS) states.putIfAbsent(term, built);
      return built;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
