package org.guidesearch.indexer.query;

import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * What one typed query becomes: the text actually searched (corrected when misspelt), whether it reads as a question
 * ({@link QueryShape}), the ranking query (null when no word is searchable by keywords), the prose terms snippets
 * mark, and any spelling correction.
 */
record QueryPlan(String text, boolean question, Query query, Set<String> highlightTerms, String didYouMean) {}
