package org.guidesearch.indexer.query;

import java.util.Objects;

/**
 * One search as a reader asked it.
 *
 * @param query  the text typed; searched as plain words, never as query syntax
 * @param limit  hits wanted, 1 or more
 * @param offset hits to skip, 0 or more
 * @param doc    only hits from this file, or null for all
 * @param mode   how to rank
 * @param grouped one hit per numbered section: its subsections that also match come with it as {@code related},
 *                and paging and the total count groups, so a first page covers distinct sections
 * @param explain attach to each hit why it ranks where it does ({@link SearchHit.Explanation})
 */
public record SearchRequest(
        String query, int limit, int offset, String doc, SearchMode mode, boolean grouped, boolean explain) {
    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mode, "mode");
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
    }

    /** Ungrouped, without explanations: every matching section in rank order. */
    public SearchRequest(String query, int limit, int offset, String doc, SearchMode mode) {
        this(query, limit, offset, doc, mode, false, false);
    }

    public SearchRequest(String query, int limit, int offset, String doc) {
        this(query, limit, offset, doc, SearchMode.HYBRID);
    }
}
