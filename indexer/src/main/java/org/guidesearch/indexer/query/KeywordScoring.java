package org.guidesearch.indexer.query;

/**
 * How keyword queries are scored. Both give the same documents and scores ({@code QueryEvaluatorTest} pins it on
 * random query trees); the leaf cache is faster, Lucene's own searcher is the reference to fall back on.
 */
public enum KeywordScoring {
    /** Each leaf query's matches are kept per index generation and summed by {@link QueryEvaluator}. */
    LEAF_CACHE,
    /** Lucene's {@code IndexSearcher} scores the whole query on every search. */
    LUCENE;

    public static KeywordScoring parse(String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keyword scoring must be leaf_cache or lucene, not '" + raw + "'", e);
        }
    }
}
