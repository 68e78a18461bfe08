package org.guidesearch.indexer.query;

/**
 * How much each ranking counts in hybrid fusion ({@link HybridFusion}), chosen by the shape of the query.
 *
 * <p>Names and identifiers ({@code TTL}, {@code max_depth}) are found best by their exact words; questions in the
 * reader's own words share few words with the answer and are found by meaning ({@link QueryShape}).
 * {@code keyword} and {@code semantic} weigh the two rankings' reciprocal ranks; {@code keywordShare} is the keyword
 * score's share of the score sum. The rank weights were set on the curated guide's judged set; the score shares on
 * the judged set of a guide nobody curated, and confirmed on the curated guide's held-out set with and without its
 * curation (README, "Search quality"). One set of weights serves every guide.
 *
 * @param keyword      the keyword ranking's weight in rank fusion
 * @param semantic     the meaning ranking's weight in rank fusion
 * @param keywordShare the keyword score's share (0–1) in score fusion; the meaning score has the rest
 */
record FusionWeights(float keyword, float semantic, float keywordShare) {
    static final FusionWeights KEYWORD_ONLY = new FusionWeights(1f, 0f, 1f);
    static final FusionWeights SEMANTIC_ONLY = new FusionWeights(0f, 1f, 0f);

    /**
     * A question's keyword ranking counts as much as its meaning ranking in rank fusion, and its score has 0.65 of the
     * score sum, since its words are scored across the fields as one ({@link QueryPlanner}): its keyword ranking
     * became the better of the two on questions. Chosen on the uncurated guide's set (hybrid questions 0.692 → 0.741,
     * P@1 0.507 → 0.600; the weights as before, 0.5 / 0.45, gave 0.678–0.688, a share of 0.75 the same 0.741 with
     * one first place fewer) and confirmed on the other guide without its curation (0.775 → 0.842, held-out 0.753 →
     * 0.787) and with it. The keyword weight must not exceed the meaning weight: a ranking {@link #keywordLed()}
     * embeds the query from its words, which reads a question worse (at 1.3: 0.550).
     */
    private static final FusionWeights QUESTION = new FusionWeights(1.0f, 1.0f, 0.65f);

    private static final FusionWeights NAME = new FusionWeights(1.0f, 0.5f, 0.55f);

    static FusionWeights of(String text) {
        return of(QueryShape.isQuestion(text));
    }

    static FusionWeights of(boolean question) {
        return question ? QUESTION : NAME;
    }

    /**
     * The keyword ranking leads and the semantic one mostly reorders its near-ties, so an approximate query vector
     * ranks as well as the exact one (README, "Search quality").
     */
    boolean keywordLed() {
        return keyword > semantic;
    }
}
