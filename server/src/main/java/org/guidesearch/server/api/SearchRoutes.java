package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guidesearch.indexer.query.SearchHit;
import org.guidesearch.indexer.query.SearchMode;
import org.guidesearch.indexer.query.SearchRequest;
import org.guidesearch.indexer.query.SearchResult;
import org.guidesearch.server.serving.GuideCatalog;
import org.guidesearch.server.serving.IndexSnapshot;
import org.guidesearch.server.serving.ServedGuide;

/**
 * {@code GET /api/search} and {@code /api/suggest}: parse, search each selected guide, merge, shape the answer.
 *
 * <p>Each guide has its own index, so one guide's hits rank exactly as they would if it were served alone; with
 * several, each guide's best {@code offset + limit} hits are merged by score.
 */
public final class SearchRoutes {
    private static final int MAX_LIMIT = 100;
    private static final int MAX_OFFSET = 10_000;
    /** Hybrid ranks best on the judged query set (see README, Search quality). */
    static final SearchMode DEFAULT_MODE = SearchMode.HYBRID;

    private final GuideCatalog catalog;
    private final JsonAnswer json;

    public SearchRoutes(GuideCatalog catalog, JsonAnswer json) {
        this.catalog = catalog;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/search", this::search);
        routes.get("/api/suggest", this::suggest);
    }

    private record GuideHit(ServedGuide guide, IndexSnapshot snapshot, SearchHit hit) {}

    private void search(Context ctx) {
        String q = Params.requiredText(ctx, "q", Params.MAX_QUERY_LENGTH);
        int limit = Params.intParam(ctx, "limit", 10, 1, MAX_LIMIT);
        int offset = Params.intParam(ctx, "offset", 0, 0, MAX_OFFSET);
        String doc = Params.optionalText(ctx, "doc", Params.MAX_ID_LENGTH);
        SearchMode mode = mode(Params.optionalText(ctx, "mode", 20));
        boolean grouped = Params.flag(ctx, "group", true);
        boolean explain = Params.flag(ctx, "explain", false);
        boolean guideGiven = !ctx.queryParams("guide").isEmpty();
        // A doc without a guide means the first guide's file (doc names repeat across guides).
        List<ServedGuide> guides =
                doc != null && !guideGiven ? List.of(catalog.first()) : GuideParams.selected(ctx, catalog);
        Map<ServedGuide, IndexSnapshot> snapshots = new LinkedHashMap<>();
        for (ServedGuide g : guides) {
            IndexSnapshot snapshot = Ready.snapshot(g);
            if (doc == null
                    || snapshot.corpus().sections().stream()
                            .anyMatch(s -> s.doc().equals(doc))) {
                snapshots.put(g, snapshot);
            }
        }
        if (snapshots.isEmpty()) {
            throw ApiException.badRequest("unknown_doc", "no document named '" + doc + "'; see GET /api/sections");
        }
        long start = System.nanoTime();
        boolean one = snapshots.size() == 1;
        List<GuideHit> merged = new ArrayList<>();
        long total = 0;
        String didYouMean = null;
        String query = null;
        Map<String, Integer> docFacets = new LinkedHashMap<>();
        Map<String, Integer> guideFacets = new LinkedHashMap<>();
        for (var e : snapshots.entrySet()) {
            ServedGuide g = e.getKey();
            SearchResult r = g.searcher()
                    .search(
                            one
                                    ? new SearchRequest(q, limit, offset, doc, mode, grouped, explain)
                                    : new SearchRequest(q, offset + limit, 0, doc, mode, grouped, explain));
            r.hits().forEach(h -> merged.add(new GuideHit(g, e.getValue(), h)));
            total += r.total();
            if (didYouMean == null) didYouMean = r.didYouMean();
            if (query == null) query = r.query();
            // part chips only mean something within one guide: file names repeat across guides
            if (one) docFacets.putAll(r.facets());
            guideFacets.put(g.id(), (int) Math.min(Integer.MAX_VALUE, r.total()));
        }
        if (catalog.several() && doc == null) {
            // Like the part counts, the guide counts ignore their own filter, so the other guides' chips keep a count.
            for (ServedGuide g : catalog.all()) {
                if (!guideFacets.containsKey(g.id())
                        && g.snapshot() != null
                        && g.searcher().isOpen()) {
                    guideFacets.put(g.id(), (int) Math.min(
                            Integer.MAX_VALUE,
                            g.searcher()
                                    .search(new SearchRequest(q, 1, 0, null, mode, grouped, false))
                                    .total()));
                }
            }
        }
        List<GuideHit> page = merged;
        if (!one) {
            // a stable sort keeps manifest order between equal scores
            merged.sort(
                    Comparator.comparingDouble((GuideHit h) -> h.hit().score()).reversed());
            page = merged.subList(Math.min(offset, merged.size()), Math.min(offset + limit, merged.size()));
        }
        double tookMs = Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
        List<SearchResponse.Hit> hits = page.stream().map(SearchRoutes::toHit).toList();
        Map<String, Integer> orderedGuideFacets = new LinkedHashMap<>();
        catalog.all().forEach(g -> {
            if (guideFacets.containsKey(g.id())) orderedGuideFacets.put(g.id(), guideFacets.get(g.id()));
        });
        json.send(
                ctx,
                new SearchResponse(
                        query,
                        mode.name().toLowerCase(Locale.ROOT),
                        total,
                        tookMs,
                        didYouMean,
                        hits,
                        Map.of("doc", docFacets, "guide", orderedGuideFacets)));
    }

    /** One completion as the API shows it; {@code url} and {@code doc}/{@code anchor} for sections, {@code id} for concepts. */
    public record SuggestionView(
            String type, String label, String guide, String doc, String anchor, String url, String id) {}

    private void suggest(Context ctx) {
        String q = Params.requiredText(ctx, "q", Params.MAX_QUERY_LENGTH);
        int limit = Params.intParam(ctx, "limit", 8, 1, 50);
        List<List<SuggestionView>> perGuide = new ArrayList<>();
        for (ServedGuide g : GuideParams.selected(ctx, catalog)) {
            IndexSnapshot snapshot = Ready.snapshot(g);
            perGuide.add(snapshot.suggester().suggest(q, limit).stream()
                    .map(s -> new SuggestionView(
                            s.type(),
                            s.label(),
                            g.id(),
                            s.doc(),
                            s.anchor(),
                            s.doc() == null ? null : g.guide().url(s.doc(), s.anchor()),
                            s.id()))
                    .toList());
        }
        // each guide's best completions in turn, so one guide's list cannot crowd out the others
        List<SuggestionView> out = new ArrayList<>();
        for (int rank = 0; out.size() < limit; rank++) {
            boolean any = false;
            for (List<SuggestionView> list : perGuide) {
                if (rank < list.size() && out.size() < limit) {
                    out.add(list.get(rank));
                    any = true;
                }
            }
            if (!any) break;
        }
        json.send(ctx, Map.of("query", q, "suggestions", out));
    }

    private static SearchMode mode(String raw) {
        if (raw == null) return DEFAULT_MODE;
        try {
            return SearchMode.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_mode", "'mode' must be keyword, semantic or hybrid");
        }
    }

    private static SearchResponse.Hit toHit(GuideHit gh) {
        SearchHit h = gh.hit();
        var site = gh.guide().guide();
        return new SearchResponse.Hit(
                gh.guide().id(),
                h.doc(),
                h.anchor(),
                h.title(),
                h.level(),
                h.breadcrumb(),
                site.url(h.doc(), h.anchor()),
                h.snippet(),
                Math.round(h.score() * 1000) / 1000.0,
                gh.snapshot().conceptsBySection().getOrDefault(h.id(), List.of()),
                h.related().stream()
                        .map(r -> new SearchResponse.Related(
                                r.anchor(),
                                r.title(),
                                r.level(),
                                site.url(r.doc(), r.anchor()),
                                Math.round(r.score() * 1000) / 1000.0))
                        .toList(),
                h.explain());
    }
}
