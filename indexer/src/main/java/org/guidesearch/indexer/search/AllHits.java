package org.guidesearch.indexer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Every matching document with its score, unordered. A search here wants all matching sections (for the true total
 * and the facets) and re-orders them anyway, so a top-N priority queue as deep as the whole corpus was pure cost.
 */
final class AllHits implements CollectorManager<AllHits.Collector, ScoreDoc[]> {
  @Override
  public Collector newCollector() {
    return new Collector();
  }

  @Override
  public ScoreDoc[] reduce(Collection<Collector> collectors) {
    List<ScoreDoc> all = new ArrayList<>();
    for (Collector c : collectors) all.addAll(c.hits);
    return all.toArray(ScoreDoc[]::new);
  }

  static final class Collector extends SimpleCollector {
    private final List<ScoreDoc> hits = new ArrayList<>();
    private Scorable scorer;
    private int docBase;

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      docBase = context.docBase;
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      hits.add(new ScoreDoc(docBase + doc, scorer.score()));
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }
}
