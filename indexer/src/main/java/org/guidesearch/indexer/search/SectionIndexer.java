package org.guidesearch.indexer.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.semantic.Passage;
import org.guidesearch.indexer.semantic.PassageSplitter;
import org.guidesearch.indexer.semantic.SentenceEmbedder;

/** Writes a new index generation: one document per content section, plus its embedded passages. */
public final class SectionIndexer {
  private final IndexStore store;
  private final PassageSplitter passages;
  private final SentenceEmbedder embedder;

  public SectionIndexer(IndexStore store, PassageSplitter passages, SentenceEmbedder embedder) {
    this.store = store;
    this.passages = passages;
    this.embedder = embedder;
  }

  /** Builds and switches to the new generation; returns its folder. The previous one serves until then. */
  public Path build(List<Section> sections) throws IOException {
    return build(sections, List.of());
  }

  /**
   * As {@link #build(List)}, with {@code guideposts}: extra passages that point readers at a section in other words
   * than its own (a concept's definition points at the section that teaches it).
   */
  public Path build(List<Section> sections, List<Passage> guideposts) throws IOException {
    List<Passage> all = new ArrayList<>(guideposts);
    for (Section s : sections) {
      if (!s.isNavigation()) all.addAll(passages.split(s));
    }
    List<float[][]> vectors = embedder.embedAll(all.stream().map(Passage::text).toList());
    List<Document> passageDocs = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) passageDocs.add(SectionSchema.toPassageDocument(all.get(i), vectors.get(i)));
    return store.build(sections, passageDocs);
  }

  public IndexStore store() {
    return store;
  }
}
