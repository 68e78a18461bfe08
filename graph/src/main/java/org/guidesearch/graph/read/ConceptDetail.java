package org.guidesearch.graph.read;

import java.util.List;

/** A concept with its sections, home first, then by mention weight; {@code source} is "curated" or "extracted". */
public record ConceptDetail(
        String id,
        String guide,
        String name,
        List<String> aliases,
        String kind,
        String definition,
        long sectionCount,
        List<WeightedSection> sections,
        String source) {}
