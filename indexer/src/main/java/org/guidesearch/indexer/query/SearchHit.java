package org.guidesearch.indexer.query;

import java.util.List;

/**
 * One section found, with its best passage ({@code snippet}: HTML-escaped, only {@code <mark>} is markup).
 *
 * @param related other sections of the same numbered section that matched too, best first (grouped searches only)
 * @param explain why it ranks here, or null unless asked for
 */
public record SearchHit(
        String doc,
        String anchor,
        String title,
        int level,
        List<String> breadcrumb,
        String snippet,
        float score,
        List<Related> related,
        Explanation explain) {
    public SearchHit {
        breadcrumb = List.copyOf(breadcrumb);
        related = related == null ? List.of() : List.copyOf(related);
    }

    public SearchHit(
            String doc, String anchor, String title, int level, List<String> breadcrumb, String snippet, float score) {
        this(doc, anchor, title, level, breadcrumb, snippet, score, List.of(), null);
    }

    public String id() {
        return doc + "#" + anchor;
    }

    /** A section grouped under a hit: another part of the same numbered section that matched. */
    public record Related(String doc, String anchor, String title, int level, float score) {}

    /**
     * Why a hit ranks where it does.
     *
     * @param keywordRank  1-based rank in the keyword ranking, or null when keywords did not find it
     * @param keywordScore its BM25-based score there, or null
     * @param semanticRank 1-based rank in the meaning ranking, or null when that did not find it (or did not run)
     * @param semanticCosine cosine similarity of its best passage to the query, or null
     * @param fusedScore   the score it is ranked by (in hybrid mode the weighted reciprocal-rank fusion)
     * @param keywordWeight the fusion's weight of the keyword side for this query's shape (hybrid), else 1 or 0
     * @param semanticWeight the fusion's weight of the meaning side for this query's shape (hybrid), else 1 or 0
     * @param matchedTerms the query's words (as indexed) found in its title or best sentence
     * @param bestPassage  the passage that matched by meaning, or null
     */
    public record Explanation(
            Integer keywordRank,
            Float keywordScore,
            Integer semanticRank,
            Float semanticCosine,
            float fusedScore,
            float keywordWeight,
            float semanticWeight,
            List<String> matchedTerms,
            String bestPassage) {
        public Explanation {
            matchedTerms = List.copyOf(matchedTerms);
        }
    }
}
