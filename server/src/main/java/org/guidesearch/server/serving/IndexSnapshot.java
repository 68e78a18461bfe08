package org.guidesearch.server.serving;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.suggest.Suggester;

/**
 * What the last successful re-index produced and the API reads besides Lucene and Neo4j: the sections in reading
 * order, per section the concepts it mentions (for the concept chips on search hits), the completions, and the
 * curated entries the guide did not bear out (skipped, with a warning).
 */
public record IndexSnapshot(
        Corpus corpus,
        Map<String, List<ConceptChip>> conceptsBySection,
        Suggester suggester,
        Instant builtAt,
        ReindexTimings timings,
        List<String> curationSkipped) {
    public IndexSnapshot {
        conceptsBySection = Map.copyOf(conceptsBySection);
        curationSkipped = List.copyOf(curationSkipped);
    }

    /** A concept as a hit shows it. */
    public record ConceptChip(String id, String name) {}
}
