package org.guidesearch.indexer.query;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the true total, facet counts by file, and the corrected query when the typed one was misspelt.
 *
 * @param didYouMean the corrected query that was searched instead, or null when none was needed
 */
public record SearchResult(
        String query, long total, List<SearchHit> hits, Map<String, Integer> facets, String didYouMean) {
    public SearchResult {
        hits = List.copyOf(hits);
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }
}
