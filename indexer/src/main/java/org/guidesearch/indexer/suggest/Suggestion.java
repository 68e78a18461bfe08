package org.guidesearch.indexer.suggest;

/**
 * One completion for partial input: a section title or a concept.
 *
 * @param type   "section" or "concept"
 * @param label  what to show
 * @param doc    the section's file (sections only, else null)
 * @param anchor the section's heading id (sections only, else null)
 * @param id     the concept id (concepts only, else null)
 */
public record Suggestion(String type, String label, String doc, String anchor, String id) {}
