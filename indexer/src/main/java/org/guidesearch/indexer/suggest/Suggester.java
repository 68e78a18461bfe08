package org.guidesearch.indexer.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Completes partial input against section titles and concept names and aliases: every typed word must start a word
 * of the entry, so "cache fr" finds "4.6. Cache-free Rendering". Concepts whose name or alias begins with the
 * input come first, then entries that begin with it, then shorter ones. Immutable and thread-safe; the corpus is a
 * few hundred entries, so a scan costs microseconds and needs no index.
 */
public final class Suggester {
    private final List<Entry> entries;

    public Suggester(List<Suggestion> suggestions, List<List<String>> extraFormsPerSuggestion) {
        List<Entry> built = new ArrayList<>();
        for (int i = 0; i < suggestions.size(); i++) {
            Suggestion s = suggestions.get(i);
            List<String> forms = new ArrayList<>();
            forms.add(s.label());
            forms.addAll(extraFormsPerSuggestion.get(i));
            built.add(new Entry(s, forms.stream().map(Suggester::words).toList(), i));
        }
        this.entries = List.copyOf(built);
    }

    public List<Suggestion> suggest(String input, int limit) {
        String[] typed = words(input);
        if (typed.length == 0) return List.of();
        List<Scored> found = new ArrayList<>();
        for (Entry e : entries) {
            int best = Integer.MAX_VALUE;
            for (String[] form : e.forms) {
                int rank = rank(typed, form);
                if (rank >= 0) best = Math.min(best, rank * 1000 + form.length);
            }
            if (best != Integer.MAX_VALUE) {
                int typeBonus = e.suggestion.type().equals("concept") && best < 1000 ? 0 : 1;
                found.add(new Scored(e, typeBonus * 100_000 + best));
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Scored::score).thenComparingInt(s -> s.entry.order))
                .limit(limit)
                .map(s -> s.entry.suggestion)
                .toList();
    }

    /** 0 when the form starts with the typed words, 1 when they occur later, -1 when some typed word is absent. */
    private static int rank(String[] typed, String[] form) {
        int startsAt = -1;
        int from = 0;
        for (int t = 0; t < typed.length; t++) {
            int at = -1;
            for (int w = from; w < form.length; w++) {
                if (form[w].startsWith(typed[t])) {
                    at = w;
                    break;
                }
            }
            if (at < 0) return -1;
            if (t == 0) startsAt = at;
            from = at + 1;
        }
        return startsAt == 0 ? 0 : 1;
    }

    private static String[] words(String text) {
        String cleaned =
                org.guidesearch.indexer.corpus.Section.withoutNumber(text).toLowerCase(Locale.ROOT);
        return Arrays.stream(cleaned.split("[^\\p{L}\\p{N}_]+"))
                .filter(w -> !w.isEmpty())
                .toArray(String[]::new);
    }

    private record Entry(Suggestion suggestion, List<String[]> forms, int order) {}

    private record Scored(Entry entry, int score) {}
}
