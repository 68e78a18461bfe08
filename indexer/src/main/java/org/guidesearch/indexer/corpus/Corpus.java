package org.guidesearch.indexer.corpus;

import java.util.List;
import java.util.Optional;

/** Every section of a folder of Markdown, in reading order, and the files that had to be skipped. */
public record Corpus(List<Section> sections, List<CorpusProblem> problems) {
    public Corpus {
        sections = List.copyOf(sections);
        problems = List.copyOf(problems);
    }

    public Optional<Section> find(SectionRef ref) {
        return sections.stream().filter(s -> s.ref().equals(ref)).findFirst();
    }

    /** The sections readers search and the graph reads: everything but navigation. */
    public List<Section> contentSections() {
        return sections.stream().filter(s -> !s.isNavigation()).toList();
    }
}
