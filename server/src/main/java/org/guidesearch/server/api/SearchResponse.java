package org.guidesearch.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.guidesearch.indexer.query.SearchHit;
import org.guidesearch.server.serving.IndexSnapshot.ConceptChip;

/** The {@code /api/search} body, as the public contract spells it. */
public record SearchResponse(
        String query,
        String mode,
        long total,
        double tookMs,
        String didYouMean,
        List<Hit> hits,
        Map<String, Map<String, Integer>> facets) {

    /**
     * One hit. {@code related} lists the other parts of the same numbered section that matched (the hit is the best
     * of them); {@code explain} is present only when asked for.
     */
    public record Hit(
            String guide,
            String doc,
            String anchor,
            String title,
            int level,
            List<String> breadcrumb,
            String url,
            String snippet,
            double score,
            List<ConceptChip> concepts,
            List<Related> related,
            @JsonInclude(JsonInclude.Include.NON_NULL) SearchHit.Explanation explain) {}

    /** A part of the hit's numbered section that matched too. */
    public record Related(String anchor, String title, int level, String url, double score) {}
}
