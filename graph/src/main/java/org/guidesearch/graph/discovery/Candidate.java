package org.guidesearch.graph.discovery;

import java.util.Set;

/**
 * A term the guide seems to teach that the vocabulary lacks.
 *
 * @param term    the term as the guide writes it most often
 * @param sources where it was seen: bold, code, heading, glossary
 * @param count   how many times
 * @param files   in how many files
 */
public record Candidate(String term, Set<String> sources, int count, int files) {
    public Candidate {
        sources = Set.copyOf(sources);
    }
}
