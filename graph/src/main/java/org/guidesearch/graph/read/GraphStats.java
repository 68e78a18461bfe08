package org.guidesearch.graph.read;

import java.util.Map;

/** Sizes of the stored graph. */
public record GraphStats(
        long documents,
        long sections,
        long concepts,
        long mentions,
        long sectionLinks,
        Map<String, Long> relationsByType) {}
