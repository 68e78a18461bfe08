package org.guidesearch.indexer.semantic;

import java.util.Objects;

/**
 * A short stretch of one section (at most ~100 words, the embedding model's window).
 *
 * @param text    what is embedded: the section's topic, then the stretch of prose
 * @param snippet what a hit may show when this passage matched: the prose alone, or empty for text that is not the
 *                section's own (a concept definition pointing at it)
 */
public record Passage(String sectionId, int ordinal, String text, String snippet) {
    public Passage {
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(text, "text");
        snippet = snippet == null ? "" : snippet;
    }
}
