package org.guidesearch.graph.read;

import java.util.List;

/** The concepts within some hops of {@code center} and the relations among them. */
public record Neighbourhood(GraphNode center, List<GraphNode> nodes, List<GraphEdge> edges) {}
