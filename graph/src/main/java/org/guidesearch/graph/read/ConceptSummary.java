package org.guidesearch.graph.read;

import java.util.List;

/** A concept as a lookup lists it; {@code source} is "curated" or "extracted". */
public record ConceptSummary(
        String id, String guide, String name, List<String> aliases, String kind, long sectionCount, String source) {}
