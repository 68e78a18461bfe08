package org.guidesearch.graph.read;

import java.util.List;

/** A shortest chain of relations between two concepts, in walking order, each hop with its evidence. */
public record ConceptPath(List<GraphNode> nodes, List<GraphEdge> edges) {}
