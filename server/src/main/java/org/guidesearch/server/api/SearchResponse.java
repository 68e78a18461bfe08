package org.guidesearch.server.api;

import java.util.List;
import java.util.Map;
import org.guidesearch.server.serving.IndexSnapshot.ConceptChip;

/** The {@code /api/search} body, as the public contract spells it. */
public record SearchResponse(
    String query, String mode, long total, double tookMs, String didYouMean, List<Hit> hits,
    Map<String, Map<String, Integer>> facets) {

  public record Hit(String guide, String doc, String anchor, String title, int level, List<String> breadcrumb,
      String url, String snippet, double score, List<ConceptChip> concepts) {}
}
