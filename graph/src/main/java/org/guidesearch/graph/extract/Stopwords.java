package org.guidesearch.graph.extract;

import java.util.Locale;
import java.util.Set;

/**
 * Generic English function words, and generic nouns of expository writing ("example", "section", "way") that are
 * never what a guide teaches. Nothing here names a subject-matter term.
 */
final class Stopwords {
  private static final Set<String> FUNCTION = Set.of(
      "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as",
      "into", "onto", "over", "under", "about", "than", "then", "so", "if", "when", "while", "where", "which", "who",
      "whom", "whose", "what", "that", "this", "these", "those", "it", "its", "it's", "they", "them", "their", "we",
      "our", "you", "your", "he", "she", "his", "her", "i", "me", "my", "is", "are", "was", "were", "be", "been",
      "being", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would", "should", "may", "might",
      "must", "not", "no", "yes", "all", "any", "each", "every", "some", "such", "both", "either", "neither", "more",
      "most", "less", "least", "many", "much", "few", "other", "another", "same", "own", "only", "just", "also",
      "very", "too", "how", "why", "there", "here", "up", "down", "out", "off", "via", "per", "e.g", "i.e", "etc",
      "vs", "versus", "like", "unlike", "within", "without", "between", "among", "through", "across", "after",
      "before", "during", "until", "since", "because", "though", "although", "whether", "again", "once", "one", "two",
      "three", "first", "second", "new", "old", "way", "ways");
  private static final Set<String> GENERIC = Set.of(
      "example", "examples", "section", "sections", "chapter", "chapters", "part", "parts", "guide", "overview",
      "introduction", "summary", "conclusion", "takeaway", "takeaways", "note", "notes", "tip", "tips", "thing",
      "things", "lot", "lots", "kind", "kinds", "type of", "case", "cases", "fact", "idea", "ideas", "detail",
      "details", "point", "points", "step", "steps", "time", "times", "reason", "reasons", "result", "results",
      "problem", "problems", "question", "questions", "answer", "answers", "approach", "practice", "practices",
      "best practices", "use", "uses", "usage", "number", "numbers", "end", "start", "beginning", "rest", "sense",
      "matter", "order", "level", "levels", "term", "terms", "word", "words", "name", "names", "reader", "readers",
      "world", "people", "developer", "developers", "user", "users", "look", "deep dive", "key", "keys", "pitfall",
      "pitfalls", "benefit", "benefits", "advantage", "advantages", "drawback", "drawbacks", "trade-off",
      "trade-offs", "tradeoff", "tradeoffs", "feature", "features", "behavior", "behaviour", "work", "purpose",
      "goal", "goals", "role", "need", "needs", "effect", "effects", "impact", "difference", "differences",
      "option", "options", "change", "changes", "set", "list", "lists", "item", "items", "something", "anything",
      "everything", "nothing", "mind", "today", "day", "days", "year", "years", "further reading",
      "checklist", "table of contents", "contents", "following", "above", "below", "scenario", "scenarios",
      "pattern", "patterns", "technique", "techniques", "tool", "tools", "concept", "concepts", "mechanism",
      "mechanisms", "aspect", "aspects", "issue", "issues", "situation", "situations", "context", "way",
      "common pitfalls", "key takeaways", "real world", "real-world", "what", "how", "why", "ms", "kb", "mb", "gb");

  private Stopwords() {}

  static boolean isStopword(String word) {
    return FUNCTION.contains(word.toLowerCase(Locale.ROOT));
  }

  /** A phrase that is only generic prose vocabulary, never a concept of its own. */
  static boolean isGeneric(String phrase) {
    String p = phrase.toLowerCase(Locale.ROOT).strip();
    return GENERIC.contains(p) || FUNCTION.contains(p);
  }
}
