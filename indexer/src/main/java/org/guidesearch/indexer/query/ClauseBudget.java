package org.guidesearch.indexer.query;

/**
 * Fits a query's synonym expansions into the clauses Lucene allows one query ({@code IndexSearcher}'s max clause
 * count, 1024 unless changed), so that no text can make planning or searching throw {@code TooManyClauses}.
 *
 * <p>Every word of the vocabulary has its concept's other names as synonyms, and a sloppy phrase over a synonym graph
 * is one phrase per path through it: five abbreviations with four or five names each already make more than a
 * thousand. So the clauses are counted on the token graph before anything is built ({@link TokenGraph}), and when
 * the plan would not fit, expansions are given up in a fixed order, the same for the same text:
 *
 * <ol>
 *   <li>the any-word queries come first, as they find the sections: sites keep their synonyms in the order they come
 *       in the query (a reader names the subject first) while the any-word queries fit beside the plainest phrases;
 *   <li>the phrases, which only add to the score of sections already found, keep synonyms likewise, first words
 *       first, with the clauses the any-word queries leave;
 *   <li>text too long to fit even without synonyms (some 160 words or more) loses its phrases, then its last words.
 * </ol>
 *
 * <p>A query within budget, as nearly every query a reader types is, keeps every expansion: its plan is what it was.
 * Immutable and thread-safe.
 */
final class ClauseBudget {
    private final int limit;
    private final int anyWordQueries;
    private final int phraseQueries;

    /**
     * @param limit clauses the plan's word and phrase queries may hold together
     * @param anyWordQueries how many fields are searched for any of the words (each a copy of the same query)
     * @param phraseQueries how many fields are searched for the words as a phrase
     */
    ClauseBudget(int limit, int anyWordQueries, int phraseQueries) {
        if (limit < 1 || anyWordQueries < 1 || phraseQueries < 0) {
            throw new IllegalArgumentException("a budget of " + limit + " clauses for " + anyWordQueries
                    + " any-word and " + phraseQueries + " phrase queries");
        }
        this.limit = limit;
        this.anyWordQueries = anyWordQueries;
        this.phraseQueries = phraseQueries;
    }

    /** The tokens the any-word queries and the phrases are built from; {@code phrase} is null when there is no room. */
    record Fitted(TokenGraph anyWord, TokenGraph phrase) {}

    /** {@code graph} fitted to the budget, with phrases when {@code phrases} and they fit. */
    Fitted fit(TokenGraph graph, boolean phrases) {
        int parts = graph.parts();
        boolean[] plain = new boolean[parts];
        long plainPhrases = phrases ? phraseQueries * graph.phraseClauses(plain, parts) : 0;
        if (anyWordClauses(graph, plain, parts) + plainPhrases > limit) {
            phrases = false;
            plainPhrases = 0;
        }
        long room = limit - plainPhrases;
        // When even the plain words do not fit, the words that come last go, after the synonyms of the first ones.
        boolean whole = anyWordClauses(graph, plain, parts) <= room;
        boolean[] anyWord = new boolean[parts];
        int words = 0;
        for (int p = 0; p < parts; p++) {
            int upTo = whole ? parts : p + 1;
            if (graph.isSite(p)) {
                anyWord[p] = true;
                if (anyWordClauses(graph, anyWord, upTo) > room) anyWord[p] = false;
            }
            if (anyWordClauses(graph, anyWord, upTo) > room) break;
            words = p + 1;
        }
        TokenGraph anyWordGraph = graph.select(anyWord, words);
        if (!phrases) return new Fitted(anyWordGraph, null);
        long phraseRoom = limit - anyWordClauses(graph, anyWord, parts);
        boolean[] phrase = new boolean[parts];
        for (int p = 0; p < parts; p++) {
            if (!graph.isSite(p)) continue;
            phrase[p] = true;
            if (phraseQueries * graph.phraseClauses(phrase, parts) > phraseRoom) phrase[p] = false;
        }
        return new Fitted(anyWordGraph, graph.select(phrase, parts));
    }

    private long anyWordClauses(TokenGraph graph, boolean[] expand, int parts) {
        return anyWordQueries * graph.anyWordClauses(expand, parts);
    }
}
