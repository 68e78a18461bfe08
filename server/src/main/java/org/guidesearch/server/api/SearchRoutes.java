package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.guidesearch.indexer.search.SearchHit;
import org.guidesearch.indexer.search.SearchRequest;
import org.guidesearch.indexer.search.SearchResult;
import org.guidesearch.indexer.search.SectionSearcher;
import org.guidesearch.server.app.IndexSnapshot;
import org.guidesearch.server.app.Reindexer;

/** {@code GET /api/search}: parse, search, shape the answer. */
public final class SearchRoutes {
  private static final int MAX_LIMIT = 100;
  private static final int MAX_OFFSET = 10_000;

  private final SectionSearcher searcher;
  private final Reindexer reindexer;
  private final SiteLinks links;

  public SearchRoutes(SectionSearcher searcher, Reindexer reindexer, SiteLinks links) {
    this.searcher = searcher;
    this.reindexer = reindexer;
    this.links = links;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/search", this::search);
  }

  private void search(Context ctx) {
    String q = Params.requiredText(ctx, "q", Params.MAX_QUERY_LENGTH);
    int limit = Params.intParam(ctx, "limit", 10, 1, MAX_LIMIT);
    int offset = Params.intParam(ctx, "offset", 0, 0, MAX_OFFSET);
    String doc = Params.optionalText(ctx, "doc", Params.MAX_ID_LENGTH);
    IndexSnapshot snapshot = Ready.snapshot(reindexer, searcher);
    if (doc != null && snapshot.corpus().sections().stream().noneMatch(s -> s.doc().equals(doc))) {
      throw ApiException.badRequest("unknown_doc", "no document named '" + doc + "'; see GET /api/sections");
    }
    long start = System.nanoTime();
    SearchResult result = searcher.search(new SearchRequest(q, limit, offset, doc));
    double tookMs = Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    List<SearchResponse.Hit> hits = result.hits().stream().map(h -> toHit(h, snapshot)).toList();
    ctx.json(new SearchResponse(result.query(), result.total(), tookMs, result.didYouMean(), hits,
        Map.of("doc", result.facets())));
  }

  private SearchResponse.Hit toHit(SearchHit h, IndexSnapshot snapshot) {
    return new SearchResponse.Hit(h.doc(), h.anchor(), h.title(), h.level(), h.breadcrumb(),
        links.url(h.doc(), h.anchor()), h.snippet(), Math.round(h.score() * 1000) / 1000.0,
        snapshot.conceptsBySection().getOrDefault(h.id(), List.of()));
  }
}
