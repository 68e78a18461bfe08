package org.guidesearch.graph.extract;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Candidate terms gathered by normalised key ({@link TermKey}): every surface form seen with its count, the sources
 * that proposed it, and the sections it came from. Not thread-safe.
 */
final class CandidatePool {
    /** One key's evidence so far. */
    static final class Candidate {
        final String key;
        final Map<String, Integer> surfaces = new TreeMap<>();
        final Map<String, CandidateSource> surfaceSource = new TreeMap<>();
        final EnumSet<CandidateSource> sources = EnumSet.noneOf(CandidateSource.class);
        final Set<String> sections = new TreeSet<>();

        Candidate(String key) {
            this.key = key;
        }

        CandidateSource bestSource() {
            return sources.iterator().next();
        }

        /** The form to name the concept by: the one its best source used, then the most frequent, then the shortest. */
        String preferredSurface() {
            CandidateSource best = bestSource();
            return surfaces.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(
                                    e -> surfaceSource.get(e.getKey()) == best ? 0 : 1)
                            .thenComparing(e -> -e.getValue())
                            .thenComparing(e -> startsLower(e.getKey()) ? 0 : 1)
                            .thenComparing(Map.Entry::getKey))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
        }

        private static boolean startsLower(String s) {
            return !s.isEmpty() && Character.isLowerCase(s.charAt(0));
        }
    }

    private final Map<String, Candidate> byKey = new LinkedHashMap<>();

    void add(String surface, CandidateSource source, String sectionId) {
        add(surface, source, sectionId, false);
    }

    /** As {@link #add(String, CandidateSource, String)}; {@code evenGeneric} keeps a generic word the text singles out. */
    void add(String surface, CandidateSource source, String sectionId, boolean evenGeneric) {
        String clean = surface.strip().replaceAll("\\s+", " ");
        String key = TermKey.of(clean);
        if (key.length() < 2 || (!evenGeneric && (Stopwords.isGeneric(key) || Stopwords.isGeneric(clean)))) return;
        Candidate c = byKey.computeIfAbsent(key, Candidate::new);
        c.surfaces.merge(stripArticle(clean), 1, Integer::sum);
        c.surfaceSource.merge(stripArticle(clean), source, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        c.sources.add(source);
        if (sectionId != null) c.sections.add(sectionId);
    }

    Map<String, Candidate> byKey() {
        return byKey;
    }

    static String stripArticle(String surface) {
        String[] words = surface.split(" ", 2);
        if (words.length == 2 && NounPhraseChunker.isArticle(words[0])) return words[1];
        return surface;
    }
}
