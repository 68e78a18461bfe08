package org.guidesearch.indexer.query;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a query reads as a question in the reader's own words or as a list of names and keywords.
 *
 * <p>A question is what grammar marks as one: a question mark, a first word that asks ({@code how}, {@code does}),
 * or four words or more among which one is a function word ({@code the}, {@code with}). Four or more words that are
 * all names ({@code kettle descale citric vinegar}) are keywords still: typeahead sends such lists on every keystroke, and
 * the keyword ranking answers them best. The words listed are English grammar, the same for every guide.
 */
final class QueryShape {
    private static final int QUESTION_MIN_WORDS = 4;

    /** Words that open a question. */
    private static final Set<String> ASKING = Set.of(
            "how", "why", "what", "when", "where", "which", "who", "whom", "whose", "does", "do", "did", "can", "could",
            "should", "would", "is", "are", "was", "were", "will", "may", "might");

    /** Function words: a list of names seldom holds one, a sentence nearly always does. */
    private static final Set<String> FUNCTION = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "if", "in", "into", "is", "it",
            "not", "of", "on", "or", "so", "such", "that", "the", "their", "then", "there", "these", "they", "this",
            "those", "to", "was", "were", "will", "with", "without", "i", "my", "me", "we", "our", "you", "your", "its",
            "has", "have", "had", "been", "being", "than", "between", "about", "after", "before", "over", "under");

    /** Sentence punctuation after a word; compiled once, as every question's words go through it. */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[?,.!]+$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private QueryShape() {}

    /**
     * What the keyword ranking looks for in a question: its words without those that ask or bind the sentence, which
     * otherwise match every heading that asks too ("How … Works"); any other query, or a question of nothing else,
     * as it is. Hybrid nDCG@10 of the question halves: +0.019 and ±0 on the curated guide's two sets, −0.007 and
     * +0.008 on them without curation, +0.006 on the uncurated guide (README, "Search quality").
     */
    static String keywordsOf(String text) {
        if (!isQuestion(text)) return text;
        StringBuilder out = new StringBuilder();
        for (String w : WHITESPACE.split(text.strip())) {
            String lower =
                    TRAILING_PUNCTUATION.matcher(w.toLowerCase(Locale.ROOT)).replaceAll("");
            if (ASKING.contains(lower) || FUNCTION.contains(lower)) continue;
            if (out.length() > 0) out.append(' ');
            out.append(w);
        }
        return out.length() == 0 ? text : out.toString();
    }

    static boolean isQuestion(String text) {
        String stripped = text.strip();
        if (stripped.endsWith("?")) return true;
        if (stripped.isEmpty()) return false;
        String[] words = WHITESPACE.split(stripped.toLowerCase(Locale.ROOT));
        if (ASKING.contains(words[0])) return true;
        if (words.length < QUESTION_MIN_WORDS) return false;
        for (String w : words) {
            if (FUNCTION.contains(w) || ASKING.contains(w)) return true;
        }
        return false;
    }
}
