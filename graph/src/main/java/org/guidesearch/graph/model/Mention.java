package org.guidesearch.graph.model;

/** A section mentions a concept {@code count} times; {@code inTitle} when its heading names it. */
public record Mention(String sectionId, String conceptId, int count, boolean inTitle) {
    /** How strongly the section is about the concept: a heading mention counts as much as several in the text. */
    public double weight() {
        return count + (inTitle ? 5.0 : 0.0);
    }
}
