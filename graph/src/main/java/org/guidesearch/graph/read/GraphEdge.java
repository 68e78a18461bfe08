package org.guidesearch.graph.read;

import java.util.List;
import org.guidesearch.indexer.corpus.SectionRef;

/** A relation between two concepts and the sections that support it; {@code source} is "curated" or "extracted". */
public record GraphEdge(String from, String to, String type, double weight, List<SectionRef> evidence, String source) {}
