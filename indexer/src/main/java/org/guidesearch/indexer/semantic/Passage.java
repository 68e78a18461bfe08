package org.guidesearch.indexer.semantic;

import java.util.Objects;

/** A short stretch of one section (at most ~100 words, the embedding model's window), prefixed with its title. */
public record Passage(String sectionId, int ordinal, String text) {
  public Passage {
    Objects.requireNonNull(sectionId, "sectionId");
    Objects.requireNonNull(text, "text");
  }
}
