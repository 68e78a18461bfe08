package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds concept mentions in tagged sentences as token ranges: at each token the longest run of up to
 * {@value #MAX_WORDS} tokens whose {@link TermKey} belongs to a concept, left to right, never overlapping.
 */
final class SpanMatcher {
    private static final int MAX_WORDS = 6;

    /** A mention of concept {@code concept} (an index) at tokens [from, to). */
    record Span(int concept, int from, int to) {}

    private final Map<String, Integer> conceptOfKey;
    /** First words of every key: a token that starts none is skipped without building any window. */
    private final java.util.Set<String> firstWords = new java.util.HashSet<>();
    /** Sentences are read by several passes (definitions, relations, paragraphs): each is matched once. */
    private final Map<TaggedSentence, List<Span>> cache = new java.util.IdentityHashMap<>();

    SpanMatcher(Map<String, Integer> conceptOfKey) {
        this.conceptOfKey = Map.copyOf(conceptOfKey);
        conceptOfKey.keySet().forEach(k -> firstWords.add(k.split(" ")[0]));
    }

    /** Not thread-safe (the cache). */
    List<Span> find(TaggedSentence s) {
        return cache.computeIfAbsent(s, this::match);
    }

    private boolean mayStart(String token) {
        String t = token.toLowerCase(java.util.Locale.ROOT);
        int hyphen = t.indexOf('-');
        if (hyphen > 0) t = t.substring(0, hyphen);
        if (t.endsWith("()")) t = t.substring(0, t.length() - 2);
        return firstWords.contains(t) || firstWords.contains(TermKey.singular(t));
    }

    private List<Span> match(TaggedSentence s) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            if (!NounPhraseChunker.isWordToken(s.tokens().get(i))
                    || NounPhraseChunker.isArticle(s.tokens().get(i))
                    || !mayStart(s.tokens().get(i))) {
                i++;
                continue;
            }
            Span found = null;
            StringBuilder text = new StringBuilder();
            List<String> windows = new ArrayList<>();
            for (int j = i; j < Math.min(s.size(), i + MAX_WORDS); j++) {
                if (j > i) text.append(' ');
                text.append(s.tokens().get(j));
                windows.add(text.toString());
            }
            for (int n = windows.size(); n >= 1 && found == null; n--) {
                Integer concept = conceptOfKey.get(TermKey.of(windows.get(n - 1)));
                if (concept != null) found = new Span(concept, i, i + n);
            }
            if (found == null) {
                i++;
            } else {
                out.add(found);
                i = found.to();
            }
        }
        return out;
    }
}
