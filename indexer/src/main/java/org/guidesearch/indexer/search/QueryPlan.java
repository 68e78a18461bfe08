package org.guidesearch.indexer.search;

import org.apache.lucene.search.Query;

/**
 * What one typed query becomes: the text actually searched (corrected when misspelt), the ranking query (null when
 * no word is searchable by keywords), what snippets highlight, and any spelling correction.
 */
record QueryPlan(String text, Query query, Query highlightQuery, String didYouMean) {}
