package org.guidesearch.indexer.eval;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many words two texts share (Jaccard over their lower-cased words, common function words left out): the
 * measure of how close a reader question filed with a section comes to a judged query.
 */
public final class WordOverlap {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "of", "to", "in", "is", "my", "i", "do", "does", "how", "what", "why", "when", "can",
            "it", "and", "or", "for", "on", "with", "that", "this", "be", "are", "from", "by", "at", "as", "not");

    private WordOverlap() {}

    /** Shared words over all words of both, 0 to 1. */
    public static double of(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() && y.isEmpty()) return 0;
        Set<String> shared = new HashSet<>(x);
        shared.retainAll(y);
        return (double) shared.size() / (x.size() + y.size() - shared.size());
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!FUNCTION_WORDS.contains(m.group())) out.add(m.group());
        }
        return out;
    }
}
