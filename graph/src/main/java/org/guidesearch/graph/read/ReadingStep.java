package org.guidesearch.graph.read;

/**
 * One stop of a reading list: the section that teaches {@code conceptId}, {@code depth} prerequisite steps before
 * the concept asked about (0 for the concept itself).
 */
public record ReadingStep(String conceptId, String conceptName, String doc, String anchor, String title, int depth) {}
