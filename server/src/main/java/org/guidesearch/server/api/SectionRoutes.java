package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionRef;
import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.server.serving.IndexSnapshot;
import java.util.function.Supplier;

/** {@code GET /api/sections} and {@code GET /api/sections/{doc}/{anchor}}. */
public final class SectionRoutes {
  private final Supplier<IndexSnapshot> serving;
  private final SectionSearcher searcher;
  private final SiteLinks links;

  public SectionRoutes(Supplier<IndexSnapshot> serving, SectionSearcher searcher, SiteLinks links) {
    this.serving = serving;
    this.searcher = searcher;
    this.links = links;
  }

  public record SectionSummary(String doc, String anchor, String title, int level, String parent, String role) {}

  public record SectionDetail(String doc, String anchor, String title, int level, String parent, List<String> breadcrumb,
      String url, String role, String text, String code, List<IndexSnapshot.ConceptChip> concepts, SectionSummary prev,
      SectionSummary next, List<SectionSummary> related) {}

  public void register(RoutesConfig routes) {
    routes.get("/api/sections", this::list);
    routes.get("/api/sections/{doc}/{anchor}", this::one);
  }

  private void list(Context ctx) {
    IndexSnapshot snapshot = Ready.snapshot(serving, searcher);
    ctx.json(Map.of("sections", snapshot.corpus().sections().stream().map(SectionRoutes::summary).toList()));
  }

  private void one(Context ctx) {
    IndexSnapshot snapshot = Ready.snapshot(serving, searcher);
    SectionRef ref = new SectionRef(ctx.pathParam("doc"), ctx.pathParam("anchor"));
    List<Section> all = snapshot.corpus().sections();
    int at = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).ref().equals(ref)) at = i;
    }
    if (at < 0) {
      throw ApiException.notFound("unknown_section", "no section " + ref.id() + "; see GET /api/sections");
    }
    Section s = all.get(at);
    List<IndexSnapshot.ConceptChip> concepts = snapshot.conceptsBySection().getOrDefault(s.id(), List.of());
    ctx.json(new SectionDetail(s.doc(), s.anchor(), s.title(), s.level(), s.parent(), s.breadcrumb(),
        links.url(s.doc(), s.anchor()), s.role().name(), s.prose(), s.code(), concepts,
        neighbour(all, at, -1), neighbour(all, at, +1), related(snapshot, s, concepts)));
  }

  /** The previous or next content section in reading order, skipping navigation. */
  private static SectionSummary neighbour(List<Section> all, int at, int step) {
    for (int i = at + step; i >= 0 && i < all.size(); i += step) {
      if (!all.get(i).isNavigation()) return summary(all.get(i));
    }
    return null;
  }

  /** Other sections sharing the most of this one's concepts. */
  private static List<SectionSummary> related(IndexSnapshot snapshot, Section s, List<IndexSnapshot.ConceptChip> mine) {
    if (mine.isEmpty()) return List.of();
    var ids = mine.stream().map(IndexSnapshot.ConceptChip::id).toList();
    return snapshot.corpus().contentSections().stream()
        .filter(o -> !o.id().equals(s.id()))
        .map(o -> Map.entry(o, snapshot.conceptsBySection().getOrDefault(o.id(), List.of()).stream()
            .filter(c -> ids.contains(c.id())).count()))
        .filter(e -> e.getValue() >= 2)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(5)
        .map(e -> summary(e.getKey()))
        .toList();
  }

  static SectionSummary summary(Section s) {
    return new SectionSummary(s.doc(), s.anchor(), s.title(), s.level(), s.parent(), s.role().name());
  }
}
