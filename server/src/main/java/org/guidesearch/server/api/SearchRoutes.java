package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.guidesearch.indexer.query.SearchHit;
import org.guidesearch.indexer.query.SearchMode;
import org.guidesearch.indexer.query.SearchRequest;
import org.guidesearch.indexer.query.SearchResult;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.server.serving.IndexSnapshot;
import java.util.function.Supplier;

/** {@code GET /api/search}: parse, search, shape the answer. */
public final class SearchRoutes {
  private static final int MAX_LIMIT = 100;
  private static final int MAX_OFFSET = 10_000;
  /** Hybrid ranks best on the judged query set (see README, Search quality). */
  static final SearchMode DEFAULT_MODE = SearchMode.HYBRID;

  private final SectionSearcher searcher;
  private final Supplier<IndexSnapshot> serving;
  private final SiteLinks links;

  public SearchRoutes(SectionSearcher searcher, Supplier<IndexSnapshot> serving, SiteLinks links) {
    this.searcher = searcher;
    this.serving = serving;
    this.links = links;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/search", this::search);
    routes.get("/api/suggest", this::suggest);
  }

  private void search(Context ctx) {
    String q = Params.requiredText(ctx, "q", Params.MAX_QUERY_LENGTH);
    int limit = Params.intParam(ctx, "limit", 10, 1, MAX_LIMIT);
    int offset = Params.intParam(ctx, "offset", 0, 0, MAX_OFFSET);
    String doc = Params.optionalText(ctx, "doc", Params.MAX_ID_LENGTH);
    SearchMode mode = mode(Params.optionalText(ctx, "mode", 20));
    IndexSnapshot snapshot = Ready.snapshot(serving, searcher);
    if (doc != null && snapshot.corpus().sections().stream().noneMatch(s -> s.doc().equals(doc))) {
      throw ApiException.badRequest("unknown_doc", "no document named '" + doc + "'; see GET /api/sections");
    }
    long start = System.nanoTime();
    SearchResult result = searcher.search(new SearchRequest(q, limit, offset, doc, mode));
    double tookMs = Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    List<SearchResponse.Hit> hits = result.hits().stream().map(h -> toHit(h, snapshot)).toList();
    ctx.json(new SearchResponse(result.query(), mode.name().toLowerCase(java.util.Locale.ROOT), result.total(), tookMs,
        result.didYouMean(), hits, Map.of("doc", result.facets())));
  }

  /** One completion as the API shows it; {@code url} and {@code doc}/{@code anchor} for sections, {@code id} for concepts. */
  public record SuggestionView(String type, String label, String doc, String anchor, String url, String id) {}

  private void suggest(Context ctx) {
    String q = Params.requiredText(ctx, "q", Params.MAX_QUERY_LENGTH);
    int limit = Params.intParam(ctx, "limit", 8, 1, 50);
    IndexSnapshot snapshot = Ready.snapshot(serving, searcher);
    ctx.json(Map.of("query", q, "suggestions", snapshot.suggester().suggest(q, limit).stream()
        .map(s -> new SuggestionView(s.type(), s.label(), s.doc(), s.anchor(),
            s.doc() == null ? null : links.url(s.doc(), s.anchor()), s.id()))
        .toList()));
  }

  private static SearchMode mode(String raw) {
    if (raw == null) return DEFAULT_MODE;
    try {
      return SearchMode.parse(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_mode", "'mode' must be keyword, semantic or hybrid");
    }
  }

  private SearchResponse.Hit toHit(SearchHit h, IndexSnapshot snapshot) {
    return new SearchResponse.Hit(h.doc(), h.anchor(), h.title(), h.level(), h.breadcrumb(),
        links.url(h.doc(), h.anchor()), h.snippet(), Math.round(h.score() * 1000) / 1000.0,
        snapshot.conceptsBySection().getOrDefault(h.id(), List.of()));
  }
}
