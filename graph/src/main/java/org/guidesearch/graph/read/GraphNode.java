package org.guidesearch.graph.read;

/**
 * A concept in a neighbourhood or path, {@code distance} hops from where the walk started; {@code source} is
 * "curated" or "extracted".
 */
public record GraphNode(String id, String guide, String name, String kind, int distance, String source) {}
