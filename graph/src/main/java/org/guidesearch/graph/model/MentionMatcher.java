package org.guidesearch.graph.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guidesearch.graph.vocabulary.Concept;

/**
 * Finds which concepts a text mentions and how often.
 *
 * <p>A form matches whole (not inside a longer identifier), case-insensitively, with an optional plural "s"/"es".
 * Short all-capital forms (GIL, GC, MRO) match only in capitals, so "gc" in {@code import gc} and the word "abc"
 * are not the acronym. Thread-safe once built.
 *
 * <p>Before a concept's pattern runs, a plain substring test on case-folded text rules out the concepts the text
 * cannot mention (most of them, for any one section); the patterns alone made a re-index take seconds.
 */
public final class MentionMatcher {
  private static final String EDGE = "[A-Za-z0-9_]";
  private static final int MAX_ACRONYM = 5;

  private final List<ConceptPattern> patterns = new ArrayList<>();

  public MentionMatcher(List<Concept> concepts) {
    for (Concept c : concepts) {
      List<String> plain = new ArrayList<>();
      List<String> acronyms = new ArrayList<>();
      for (String form : c.surfaceForms()) {
        if (form.isBlank()) continue;
        (isAcronym(form) ? acronyms : plain).add(form.strip());
      }
      patterns.add(new ConceptPattern(c.id(), compile(plain, Pattern.CASE_INSENSITIVE), compile(acronyms, 0),
          plain.stream().map(MentionMatcher::fold).toList(), List.copyOf(acronyms)));
    }
  }

  /** Concept id → number of mentions in {@code text}, for the concepts mentioned at least once. */
  public Map<String, Integer> mentions(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    String folded = fold(text);
    for (ConceptPattern p : patterns) {
      int n = (containsAny(folded, p.foldedPlain) ? count(p.plain, text) : 0)
          + (containsAny(text, p.acronymForms) ? count(p.acronyms, text) : 0);
      if (n > 0) {
        counts.put(p.conceptId, n);
      }
    }
    return counts;
  }

  static boolean isAcronym(String form) {
    return form.length() <= MAX_ACRONYM && form.chars().allMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch))
        && form.chars().anyMatch(Character::isUpperCase);
  }

  private static Pattern compile(List<String> forms, int flags) {
    if (forms.isEmpty()) return null;
    List<String> sorted = new ArrayList<>(forms);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder alternatives = new StringBuilder();
    for (String f : sorted) {
      if (alternatives.length() > 0) alternatives.append('|');
      alternatives.append(Pattern.quote(f));
    }
    return Pattern.compile(
        "(?<!" + EDGE + ")(?:" + alternatives + ")(?:e?s)?(?!" + EDGE + ")", flags | Pattern.UNICODE_CASE);
  }

  private static int count(Pattern p, String text) {
    if (p == null) return 0;
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  /**
   * Case folding as the case-insensitive Unicode patterns compare characters, so a folded text contains a folded
   * form wherever the pattern could match it.
   */
  static String fold(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
    }
    return new String(chars);
  }

  private static boolean containsAny(String text, List<String> forms) {
    for (String f : forms) {
      if (text.contains(f)) return true;
    }
    return false;
  }

  private record ConceptPattern(
      String conceptId, Pattern plain, Pattern acronyms, List<String> foldedPlain, List<String> acronymForms) {}
}
