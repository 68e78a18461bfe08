package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Noun phrases of a tagged sentence, the C-value pattern (ADJ | NOUN | PROPN)* (NOUN | PROPN): each maximal run and
 * every sub-run that also fits the pattern, up to {@value #MAX_WORDS} words. A run never starts or ends with a
 * function word, and a number never starts one.
 */
final class NounPhraseChunker {
    static final int MAX_WORDS = 4;
    private static final Set<String> HEAD = Set.of("NOUN", "PROPN");
    private static final Set<String> MODIFIER = Set.of("NOUN", "PROPN", "ADJ");

    /** A phrase as a token range of its sentence. */
    record Span(int from, int to) {}

    List<Span> maximalRuns(TaggedSentence s) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            if (!isWordToken(s.tokens().get(i)) || !MODIFIER.contains(s.tags().get(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < s.size()
                    && MODIFIER.contains(s.tags().get(j))
                    && isWordToken(s.tokens().get(j))) j++;
            int end = j;
            while (end > i && !HEAD.contains(s.tags().get(end - 1))) end--;
            if (end > i) out.add(new Span(i, end));
            i = j;
        }
        return out;
    }

    /** Every sub-phrase of the maximal runs that ends in a noun, starts with no number and has at most 4 words. */
    List<Span> phrases(TaggedSentence s) {
        List<Span> out = new ArrayList<>();
        for (Span run : maximalRuns(s)) {
            for (int from = run.from(); from < run.to(); from++) {
                if (Character.isDigit(s.tokens().get(from).charAt(0))
                        || Stopwords.isStopword(s.tokens().get(from))) continue;
                for (int to = from + 1; to <= Math.min(run.to(), from + MAX_WORDS); to++) {
                    if (HEAD.contains(s.tags().get(to - 1))
                            && !Stopwords.isStopword(s.tokens().get(to - 1))) {
                        out.add(new Span(from, to));
                    }
                }
            }
        }
        return out;
    }

    /** True when the whole sentence (after a leading article) is one noun phrase: a heading that names a thing. */
    boolean isWholePhrase(TaggedSentence s) {
        int from = 0;
        while (from < s.size() && isArticle(s.tokens().get(from))) from++;
        if (from >= s.size() || s.size() - from > MAX_WORDS + 1) return false;
        for (int i = from; i < s.size(); i++) {
            String tag = s.tags().get(i);
            if (!(MODIFIER.contains(tag)
                    || SentenceTagger.isCode(s.tokens().get(i))
                    || s.tokens().get(i).equals("-")
                    || isGerund(s, i))) {
                return false;
            }
        }
        int last = s.size() - 1;
        return HEAD.contains(s.tags().get(last))
                || SentenceTagger.isCode(s.tokens().get(last))
                || isGerund(s, last);
    }

    /** A verb in -ing standing where a noun would ("Pruning vs. Thinning" as a heading) names an activity. */
    private static boolean isGerund(TaggedSentence s, int i) {
        String t = s.tokens().get(i);
        return s.tags().get(i).equals("VERB") && t.length() > 5 && t.endsWith("ing");
    }

    static boolean isArticle(String token) {
        return token.equalsIgnoreCase("the") || token.equalsIgnoreCase("a") || token.equalsIgnoreCase("an");
    }

    static boolean isWordToken(String token) {
        char c = token.charAt(0);
        return Character.isLetterOrDigit(c) || c == '_' || c == '@';
    }
}
