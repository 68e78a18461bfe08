package org.guidesearch.indexer.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.guidesearch.indexer.corpus.SectionRole;

/**
 * Answers searches against the current index generation and switches generations without a pause.
 *
 * <p>Thread-safe. Each search pins the reader it started on ({@link DirectoryReader#tryIncRef()}), so a switch to a
 * new generation never closes a reader under a running search; the old reader closes when its last search ends.
 */
public final class SectionSearcher implements Closeable {
  /** "Key Takeaways" repeat the chapter: scaled down so they never outrank the section that teaches. */
  private static final float SUMMARY_FACTOR = 0.3f;
  private static final int SNIPPET_FALLBACK_CHARS = 220;

  private final AtomicReference<DirectoryReader> current = new AtomicReference<>();
  private final QueryPlanner planner;

  public SectionSearcher(QueryPlanner planner) {
    this.planner = planner;
  }

  /** Starts serving the index in {@code generation}; the previous one closes when its searches finish. */
  public void open(Path generation) throws IOException {
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(generation));
    DirectoryReader old = current.getAndSet(reader);
    if (old != null) {
      old.decRef();
    }
  }

  public boolean isOpen() {
    return current.get() != null;
  }

  /** Number of searchable sections in the serving generation. */
  public int size() {
    DirectoryReader reader = acquire();
    try {
      return reader.numDocs();
    } finally {
      release(reader);
    }
  }

  public SearchResult search(SearchRequest request) {
    DirectoryReader reader = acquire();
    try {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(new BM25Similarity());
      QueryPlan plan = planner.plan(request, reader);
      if (plan == null) {
        return new SearchResult(request.query(), 0, List.of(), Map.of(), null);
      }
      TopDocs all = searcher.search(plan.query(), Math.max(1, reader.maxDoc()));
      ScoreDoc[] ranked = rescore(searcher, all.scoreDocs);
      Map<String, Integer> facets = facets(reader, ranked);
      ScoreDoc[] inDoc = request.doc() == null ? ranked : onlyDoc(reader, ranked, request.doc());
      int from = Math.min(request.offset(), inDoc.length);
      int to = Math.min(from + request.limit(), inDoc.length);
      ScoreDoc[] page = Arrays.copyOfRange(inDoc, from, to);
      List<SearchHit> hits = toHits(searcher, plan.highlightQuery(), page);
      return new SearchResult(request.query(), inDoc.length, hits, facets, plan.didYouMean());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(reader);
    }
  }

  private ScoreDoc[] rescore(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
    var storedFields = searcher.storedFields();
    for (ScoreDoc sd : docs) {
      if (SectionRole.SUMMARY.name().equals(storedFields.document(sd.doc, java.util.Set.of(SectionSchema.ROLE)).get(SectionSchema.ROLE))) {
        sd.score *= SUMMARY_FACTOR;
      }
    }
    ScoreDoc[] sorted = docs.clone();
    Arrays.sort(sorted, Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
    return sorted;
  }

  private static Map<String, Integer> facets(DirectoryReader reader, ScoreDoc[] docs) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ScoreDoc sd : docs) {
      counts.merge(docOf(reader, sd.doc), 1, Integer::sum);
    }
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static ScoreDoc[] onlyDoc(DirectoryReader reader, ScoreDoc[] docs, String doc) throws IOException {
    List<ScoreDoc> kept = new ArrayList<>();
    for (ScoreDoc sd : docs) {
      if (doc.equals(docOf(reader, sd.doc))) {
        kept.add(sd);
      }
    }
    return kept.toArray(ScoreDoc[]::new);
  }

  private static String docOf(DirectoryReader reader, int docId) throws IOException {
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(docId, reader.leaves()));
    SortedDocValues values = leaf.reader().getSortedDocValues(SectionSchema.DOC);
    if (values == null || !values.advanceExact(docId - leaf.docBase)) {
      return "";
    }
    return values.lookupOrd(values.ordValue()).utf8ToString();
  }

  private List<SearchHit> toHits(IndexSearcher searcher, Query highlightQuery, ScoreDoc[] page) throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, planner.queryAnalyzer())
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
            .withMaxLength(20_000)
            .build();
    int[] ids = Arrays.stream(page).mapToInt(sd -> sd.doc).toArray();
    Map<String, String[]> snippets =
        highlighter.highlightFields(new String[] {SectionSchema.PROSE}, highlightQuery, ids, new int[] {1});
    String[] prose = snippets.get(SectionSchema.PROSE);
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document d = searcher.storedFields().document(page[i].doc);
      String snippet = prose[i] != null ? prose[i] : fallbackSnippet(d);
      hits.add(
          new SearchHit(
              d.get(SectionSchema.DOC),
              d.get(SectionSchema.ANCHOR),
              d.get(SectionSchema.TITLE),
              d.getField(SectionSchema.LEVEL).numericValue().intValue(),
              SectionSchema.breadcrumbOf(d),
              snippet,
              page[i].score));
    }
    return hits;
  }

  private static String fallbackSnippet(Document d) {
    String text = d.get(SectionSchema.PROSE);
    if (text == null || text.isBlank()) {
      text = d.get(SectionSchema.CODE) == null ? "" : d.get(SectionSchema.CODE);
    }
    String cut = text.length() > SNIPPET_FALLBACK_CHARS ? text.substring(0, SNIPPET_FALLBACK_CHARS) + "…" : text;
    return escapeHtml(cut.replaceAll("\\s+", " ").strip());
  }

  static String escapeHtml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private DirectoryReader acquire() {
    while (true) {
      DirectoryReader reader = current.get();
      if (reader == null) {
        throw new IllegalStateException("no index is open yet");
      }
      if (reader.tryIncRef()) {
        return reader;
      }
    }
  }

  private static void release(DirectoryReader reader) {
    try {
      reader.decRef();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    DirectoryReader reader = current.getAndSet(null);
    if (reader != null) {
      reader.decRef();
    }
  }
}
