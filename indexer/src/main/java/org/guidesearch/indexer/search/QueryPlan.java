package org.guidesearch.indexer.search;

import org.apache.lucene.search.Query;

/** What one typed query becomes: the ranking query, what snippets highlight, and any spelling correction. */
record QueryPlan(Query query, Query highlightQuery, String didYouMean) {}
