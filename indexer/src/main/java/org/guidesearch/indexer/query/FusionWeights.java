package org.guidesearch.indexer.query;

/**
 * How much each ranking counts in hybrid fusion, chosen by the shape of the query.
 *
 * <p>Short queries are names and identifiers ({@code LRU}, {@code max_depth}), which exact words find best; longer
 * ones are questions in the reader's own words, which share few words with the answer and are found by meaning.
 * The weights were set on the judged query set (README, "Search quality").
 */
record FusionWeights(float keyword, float semantic) {
    private static final int QUESTION_MIN_WORDS = 4;

    static FusionWeights of(String text) {
        String stripped = text.strip();
        int words = stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
        boolean question = words >= QUESTION_MIN_WORDS || stripped.endsWith("?");
        return question ? new FusionWeights(0.5f, 1.0f) : new FusionWeights(1.0f, 0.5f);
    }

    /**
     * The keyword ranking leads and the semantic one mostly reorders its near-ties, so an approximate query vector
     * ranks as well as the exact one (README, "Search quality").
     */
    boolean keywordLed() {
        return keyword > semantic;
    }
}
