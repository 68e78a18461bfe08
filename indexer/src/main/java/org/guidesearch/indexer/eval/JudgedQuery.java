package org.guidesearch.indexer.eval;

import java.util.Map;

/** A query a reader might type and how relevant each section is to it (3 = the answer, 2 = strong, 1 = partly). */
public record JudgedQuery(String id, String kind, String query, Map<String, Integer> grades) {
    public JudgedQuery {
        grades = Map.copyOf(grades);
    }
}
