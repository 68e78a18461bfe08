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
    /** The {@code ordinal} of text that points at a section but is not a stretch of it: a concept's definition. */
    public static final int GUIDEPOST = -1;
    /** The {@code ordinal} of a reader's question filed under the section by the guide's curation. */
    public static final int READER_QUESTION = -2;

    public Passage {
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(text, "text");
        snippet = snippet == null ? "" : snippet;
    }
}
