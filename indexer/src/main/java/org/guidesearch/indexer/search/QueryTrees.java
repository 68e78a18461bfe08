package org.guidesearch.indexer.search;

import java.util.function.UnaryOperator;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/** Rebuilds a query's boolean and boost structure around new leaves. */
final class QueryTrees {
  private QueryTrees() {}

  /**
   * {@code query} with each leaf (any query that is neither boolean nor boosted) replaced by {@code leaf}'s answer;
   * null when {@code leaf} answers null for any of them.
   */
  static Query mapLeaves(Query query, UnaryOperator<Query> leaf) {
    if (query instanceof BoostQuery b) {
      Query inner = mapLeaves(b.getQuery(), leaf);
      return inner == null ? null : new BoostQuery(inner, b.getBoost());
    }
    if (query instanceof BooleanQuery b) {
      BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      for (BooleanClause c : b.clauses()) {
        Query inner = mapLeaves(c.getQuery(), leaf);
        if (inner == null) return null;
        out.add(inner, c.getOccur());
      }
      return out.build();
    }
    return leaf.apply(query);
  }
}
