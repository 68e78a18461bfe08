package org.guidesearch.graph.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidesearch.graph.vocabulary.Concept;

/**
 * Finds which concepts a text mentions and how often.
 *
 * <p>A form matches whole (not inside a longer identifier: the characters around it are not ASCII letters, digits
 * or underscores), case-insensitively, with an optional plural "s"/"es". Short all-capital forms (TTL, DNS, CRC)
 * match only in capitals, so "gc" in {@code import gc} and the word "abc" are not the acronym. Per concept, matches
 * do not overlap and the longest form wins at a position.
 *
 * <p>One pass over the text: forms are indexed by their first two characters, so each word start costs a hash
 * look-up rather than one regular expression per concept (which took seconds for the guide). Thread-safe once
 * built.
 */
public final class MentionMatcher {
    private static final int MAX_ACRONYM = 5;

    private final Map<String, List<Form>> formsByPrefix = new HashMap<>();
    private final List<String> conceptIds = new ArrayList<>();

    public MentionMatcher(List<Concept> concepts) {
        for (Concept c : concepts) {
            int index = conceptIds.size();
            conceptIds.add(c.id());
            for (String raw : c.surfaceForms()) {
                String form = raw.strip();
                if (form.length() < 2) continue;
                boolean exact = isAcronym(form);
                Form f = new Form(index, exact ? form : lower(form), exact);
                formsByPrefix
                        .computeIfAbsent(lower(form.substring(0, 2)), k -> new ArrayList<>())
                        .add(f);
            }
        }
        formsByPrefix.values().forEach(list -> list.sort(Comparator.comparingInt((Form f) -> -f.text.length())));
    }

    /** Concept id → number of mentions in {@code text}, for the concepts mentioned at least once. */
    public Map<String, Integer> mentions(String text) {
        String lower = lower(text);
        int[] counts = new int[conceptIds.size()];
        int[] nextFree = new int[conceptIds.size()];
        boolean[] matchedHere = new boolean[conceptIds.size()];
        for (int i = 0; i + 1 < text.length(); i++) {
            if (i > 0 && isEdge(text.charAt(i - 1))) continue;
            List<Form> candidates = formsByPrefix.get(lower.substring(i, i + 2));
            if (candidates == null) continue;
            List<Integer> touched = new ArrayList<>(2);
            for (Form f : candidates) {
                if (matchedHere[f.concept] || i < nextFree[f.concept]) continue;
                int end = matchEnd(f, text, lower, i);
                if (end > 0) {
                    counts[f.concept]++;
                    nextFree[f.concept] = end;
                    matchedHere[f.concept] = true;
                    touched.add(f.concept);
                }
            }
            touched.forEach(c -> matchedHere[c] = false);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) out.put(conceptIds.get(c), counts[c]);
        }
        return out;
    }

    /** Where a match of {@code f} at {@code i} ends (after any plural), or -1 when it does not match there. */
    private static int matchEnd(Form f, String text, String lower, int i) {
        String haystack = f.exact ? text : lower;
        if (!haystack.startsWith(f.text, i)) return -1;
        int end = i + f.text.length();
        if (lower.startsWith("es", end) && boundaryAt(text, end + 2)) return end + 2;
        if (lower.startsWith("s", end) && boundaryAt(text, end + 1)) return end + 1;
        return boundaryAt(text, end) ? end : -1;
    }

    private static boolean boundaryAt(String text, int at) {
        return at >= text.length() || !isEdge(text.charAt(at));
    }

    private static boolean isEdge(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Lower-cases char by char, so offsets in the result are offsets in the original. */
    private static String lower(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = Character.toLowerCase(chars[i]);
        return new String(chars);
    }

    static boolean isAcronym(String form) {
        return form.length() <= MAX_ACRONYM
                && form.chars().allMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch))
                && form.chars().anyMatch(Character::isUpperCase);
    }

    private record Form(int concept, String text, boolean exact) {}
}
