package org.guidesearch.graph.extract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normalised key two surface forms of one concept share: lower case, no leading article, hyphens and runs of
 * spaces as one space, no trailing "()", and the head (last) word reduced to its singular. "The Reference Cycles",
 * "reference-cycle" and "reference cycles" share one key; "collector" and "collection" do not (no fuzzy stemming, so
 * keys never chain two different things together).
 */
final class TermKey {
  private static final Set<String> ARTICLES = Set.of("the", "a", "an");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-‐‑–]+");

  private TermKey() {}

  static String of(String surface) {
    String s = surface.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
    if (s.endsWith("()")) s = s.substring(0, s.length() - 2);
    String[] words = SEPARATORS.split(s.strip());
    int first = 0;
    while (first < words.length - 1 && ARTICLES.contains(words[first])) first++;
    List<String> kept = Arrays.asList(words).subList(first, words.length);
    if (kept.isEmpty()) return "";
    String[] out = kept.toArray(String[]::new);
    out[out.length - 1] = singular(out[out.length - 1]);
    return String.join(" ", out).strip();
  }

  /** English plural to singular for regular nouns; identifiers and short words are left alone. */
  static String singular(String word) {
    if (word.length() < 4 || !word.chars().allMatch(Character::isLetter)) return word;
    if (word.endsWith("ies")) return word.substring(0, word.length() - 3) + "y";
    if (word.endsWith("sses") || word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")
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
