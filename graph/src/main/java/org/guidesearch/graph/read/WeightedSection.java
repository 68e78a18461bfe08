package org.guidesearch.graph.read;

/** A section that mentions a concept, with how strongly; {@code home} marks where the concept is taught. */
public record WeightedSection(String doc, String anchor, String title, double weight, boolean home) {}
