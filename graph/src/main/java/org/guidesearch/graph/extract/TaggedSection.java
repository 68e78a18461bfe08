package org.guidesearch.graph.extract;

import java.util.List;
import org.guidesearch.indexer.corpus.Section;

/**
 * A content section read for extraction: its heading parts (number stripped, "X vs. Y" and "Title: subtitle" split)
 * and its prose as paragraphs of tagged sentences.
 */
record TaggedSection(Section section, List<TaggedSentence> headingParts, List<List<TaggedSentence>> paragraphs) {
    TaggedSection {
        headingParts = List.copyOf(headingParts);
        paragraphs = paragraphs.stream().map(List::copyOf).toList();
    }

    String id() {
        return section.id();
    }

    int wordCount() {
        return paragraphs.stream()
                .flatMap(List::stream)
                .mapToInt(TaggedSentence::size)
                .sum();
    }
}
