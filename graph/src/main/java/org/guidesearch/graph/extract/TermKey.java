package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The normalised key two surface forms of one concept share: lower case, no leading article, hyphens and runs of
 * spaces as one space, no trailing "()", and the head (last) word reduced to its singular. "The Rain Gauges",
 * "rain-gauge" and "rain gauges" share one key; "planter" and "plantation" do not (no fuzzy stemming, so
 * keys never chain two different things together).
 */
final class TermKey {
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");

    private TermKey() {}

    static String of(String surface) {
        // Hand-rolled rather than regular expressions: the matcher calls this for every window of every sentence.
        String s = surface.strip();
        if (s.endsWith("()")) s = s.substring(0, s.length() - 2);
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (Character.isWhitespace(c) || c == '-' || c == '‐' || c == '‑' || c == '–') {
                if (word.length() > 0) words.add(word.toString());
                word.setLength(0);
            } else {
                word.append(c == '’' ? '\'' : Character.toLowerCase(c));
            }
        }
        int first = 0;
        while (first < words.size() - 1 && ARTICLES.contains(words.get(first))) first++;
        if (first >= words.size()) return "";
        List<String> kept = new ArrayList<>(words.subList(first, words.size()));
        kept.set(kept.size() - 1, singular(kept.get(kept.size() - 1)));
        return String.join(" ", kept);
    }

    /** English plural to singular for regular nouns; identifiers and short words are left alone. */
    static String singular(String word) {
        if (word.length() < 4 || !word.chars().allMatch(Character::isLetter)) return word;
        if (word.endsWith("ies")) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("sses")
                || word.endsWith("ches")
                || word.endsWith("shes")
                || word.endsWith("xes")
                || word.endsWith("zes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is") || !word.endsWith("s")) return word;
        return word.substring(0, word.length() - 1);
    }

    /** The number of words a key has. */
    static int length(String key) {
        return key.isEmpty() ? 0 : key.split(" ").length;
    }
}
