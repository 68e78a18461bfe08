package org.guidesearch.server.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.guidesearch.graph.extract.ExtractionCache;
import org.guidesearch.graph.extract.VocabularyOverlay;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.semantic.Passage;

/**
 * A guide's vocabulary: what extraction finds in its text (cached by content), with the guide's curated overlay,
 * if it has one, laid over it. The graph, chips and suggestions use all of it; search uses the part that measured
 * as helping ({@link #forSearch}). Thread-safe.
 *
 * @param curated   the overlay's vocabulary (empty for a guide without one)
 * @param blocklist extracted names or ids the overlay drops
 */
public record GuideVocabulary(ExtractionCache extraction, Vocabulary curated, Set<String> blocklist) {
    public GuideVocabulary {
        blocklist = Set.copyOf(blocklist);
    }

    /** What search takes from a vocabulary: query-time synonym groups, and definitions as passages of their homes. */
    public record ForSearch(List<List<String>> synonymGroups, List<Passage> guideposts) {
        public ForSearch {
            synonymGroups = List.copyOf(synonymGroups);
            guideposts = List.copyOf(guideposts);
        }
    }

    public Vocabulary of(Corpus corpus, Path corpusFolder) throws IOException {
        return new VocabularyOverlay().apply(extraction.vocabulary(corpus, corpusFolder), curated, blocklist);
    }

    /**
     * Search's share of the overlaid vocabulary. Measured on the judged sets (README, Search quality): every extracted
     * alias as a synonym cost keyword queries up to 0.01 nDCG (an extracted alias is often a looser form), and
     * extracted definitions as passages cost a curated guide's questions 0.02. So synonyms are the curated ones plus
     * extracted abbreviation pairs (an acronym whose letters are its long form's initials, the precise kind), and the
     * definition passages are the curated ones where an owner wrote them, the extracted ones where nobody did.
     */
    public ForSearch forSearch(Vocabulary overlaid) {
        Set<String> curatedIds = curated.concepts().stream().map(Concept::id).collect(Collectors.toSet());
        List<List<String>> synonyms = new ArrayList<>(curated.synonymGroups());
        for (Concept c : overlaid.concepts()) {
            if (curatedIds.contains(c.id())) continue;
            List<String> pair = new ArrayList<>();
            pair.add(c.name());
            c.aliases().stream()
                    .filter(a -> abbreviates(a, c.name()) || abbreviates(c.name(), a))
                    .forEach(pair::add);
            if (pair.size() > 1) synonyms.add(pair);
        }
        List<Passage> guideposts = curated.concepts().isEmpty() ? overlaid.guideposts() : curated.guideposts();
        return new ForSearch(synonyms, guideposts);
    }

    /** Whether {@code shortForm} is an acronym of {@code longForm}: 2–8 capitals or digits, one per word initial. */
    static boolean abbreviates(String shortForm, String longForm) {
        if (!shortForm.matches("[A-Z][A-Z0-9]{1,7}s?")) return false;
        String letters = shortForm.endsWith("s") ? shortForm.substring(0, shortForm.length() - 1) : shortForm;
        String[] words = longForm.toUpperCase(Locale.ROOT).split("[\\s-]+");
        if (words.length < 2) return false;
        StringBuilder initials = new StringBuilder();
        for (String w : words) if (!w.isEmpty()) initials.append(w.charAt(0));
        return initials.toString().equals(letters)
                || initials.toString().replace("O", "").equals(letters);
    }
}
