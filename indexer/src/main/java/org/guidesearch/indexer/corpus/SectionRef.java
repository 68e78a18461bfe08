package org.guidesearch.indexer.corpus;

import java.util.Objects;

/** Points at one section: the file it lives in and its heading id. */
public record SectionRef(String doc, String anchor) {
    public SectionRef {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(anchor, "anchor");
    }

    /** Parses {@code chapter.md#42-a-heading}; returns null when the text has no {@code #}. */
    public static SectionRef parse(String id) {
        int hash = id.indexOf('#');
        return hash <= 0 ? null : new SectionRef(id.substring(0, hash), id.substring(hash + 1));
    }

    /** A stable id used as the key in Lucene and Neo4j: {@code doc#anchor}. */
    public String id() {
        return doc + "#" + anchor;
    }

    @Override
    public String toString() {
        return id();
    }
}
