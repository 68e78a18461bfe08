package org.guidesearch.graph.vocabulary;

/** Relation types between concepts. Curated ones read as sentences ("lock LIMITS parallelism"). */
public enum RelationType {
    IS_A,
    PART_OF,
    USES,
    IMPLEMENTS,
    ALTERNATIVE_TO,
    CONTRASTS_WITH,
    LIMITS,
    PREREQUISITE_OF,
    ENABLES,
    OPTIMIZES,
    /** Statistical: the two concepts are mentioned together more often than chance (NPMI over sections). */
    RELATED_TO;

    public static RelationType parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new VocabularyException("unknown relation type '" + name + "'");
        }
    }
}
