package org.guidesearch.indexer.query;

/** How sections are ranked for a query. */
public enum SearchMode {
    /** BM25 over title, breadcrumb, prose and code, with phrase, title, prefix and synonym boosts. */
    KEYWORD,
    /** Nearest passages by sentence embedding, each section scored by its best passage. */
    SEMANTIC,
    /** Both rankings fused by reciprocal rank. */
    HYBRID;

    public static SearchMode parse(String s) {
        return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
