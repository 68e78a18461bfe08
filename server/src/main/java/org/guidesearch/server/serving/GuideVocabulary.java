package org.guidesearch.server.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.guidesearch.graph.extract.ExtractionCache;
import org.guidesearch.graph.extract.VocabularyOverlay;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.Corpus;

/**
 * A guide's vocabulary: what extraction finds in its text (cached by content), with the guide's curated overlay,
 * if it has one, laid over it. Concepts, aliases (search synonyms, suggest, chips) and definitions (passages of
 * their home sections) all come from here, for every guide alike. Thread-safe.
 *
 * @param curated   the overlay's vocabulary (empty for a guide without one)
 * @param blocklist extracted names or ids the overlay drops
 */
public record GuideVocabulary(ExtractionCache extraction, Vocabulary curated, Set<String> blocklist) {
  public GuideVocabulary {
    blocklist = Set.copyOf(blocklist);
  }

  public Vocabulary of(Corpus corpus, Path corpusFolder) throws IOException {
    return new VocabularyOverlay().apply(extraction.vocabulary(corpus, corpusFolder), curated, blocklist);
  }
}
