package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionRef;
import org.guidesearch.server.serving.GuideCatalog;
import org.guidesearch.server.serving.IndexSnapshot;
import org.guidesearch.server.serving.ServedGuide;

/**
 * {@code GET /api/sections} (every guide's headings in reading order, or one guide's with {@code ?guide=}),
 * {@code GET /api/sections/{guide}/{doc}/{anchor}}, and {@code GET /api/sections/{doc}/{anchor}} for the first guide.
 */
public final class SectionRoutes {
    private final GuideCatalog catalog;

    public SectionRoutes(GuideCatalog catalog) {
        this.catalog = catalog;
    }

    public record SectionSummary(
            String guide, String doc, String anchor, String title, int level, String parent, String role) {}

    public record SectionDetail(
            String guide,
            String doc,
            String anchor,
            String title,
            int level,
            String parent,
            List<String> breadcrumb,
            String url,
            String role,
            String text,
            String code,
            List<IndexSnapshot.ConceptChip> concepts,
            SectionSummary prev,
            SectionSummary next,
            List<SectionSummary> related) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/sections", this::list);
        routes.get(
                "/api/sections/{doc}/{anchor}",
                ctx -> one(ctx, catalog.first(), ctx.pathParam("doc"), ctx.pathParam("anchor")));
        routes.get(
                "/api/sections/{guide}/{doc}/{anchor}",
                ctx -> one(ctx, GuideParams.inPath(ctx, catalog), ctx.pathParam("doc"), ctx.pathParam("anchor")));
    }

    private void list(Context ctx) {
        List<SectionSummary> out = new ArrayList<>();
        for (ServedGuide g : GuideParams.selected(ctx, catalog)) {
            Ready.snapshot(g).corpus().sections().forEach(s -> out.add(summary(g.id(), s)));
        }
        ctx.json(Map.of("sections", out));
    }

    private void one(Context ctx, ServedGuide guide, String doc, String anchor) {
        IndexSnapshot snapshot = Ready.snapshot(guide);
        if (doc.length() > Params.MAX_ID_LENGTH || anchor.length() > Params.MAX_ID_LENGTH) {
            throw ApiException.badRequest(
                    "too_long", "doc and anchor are at most " + Params.MAX_ID_LENGTH + " characters");
        }
        SectionRef ref = new SectionRef(doc, anchor);
        List<Section> all = snapshot.corpus().sections();
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).ref().equals(ref)) at = i;
        }
        if (at < 0) {
            throw ApiException.notFound(
                    "unknown_section",
                    "no section " + ref.id() + " in the guide '" + guide.id() + "'; see GET /api/sections?guide="
                            + guide.id());
        }
        Section s = all.get(at);
        String g = guide.id();
        List<IndexSnapshot.ConceptChip> concepts = snapshot.conceptsBySection().getOrDefault(s.id(), List.of());
        ctx.json(new SectionDetail(
                g,
                s.doc(),
                s.anchor(),
                s.title(),
                s.level(),
                s.parent(),
                s.breadcrumb(),
                guide.guide().url(s.doc(), s.anchor()),
                s.role().name(),
                s.prose(),
                s.code(),
                concepts,
                neighbour(g, all, at, -1),
                neighbour(g, all, at, +1),
                related(g, snapshot, s, concepts)));
    }

    /** The previous or next content section in reading order, skipping navigation. */
    private static SectionSummary neighbour(String guide, List<Section> all, int at, int step) {
        for (int i = at + step; i >= 0 && i < all.size(); i += step) {
            if (!all.get(i).isNavigation()) return summary(guide, all.get(i));
        }
        return null;
    }

    /** Other sections sharing the most of this one's concepts. */
    private static List<SectionSummary> related(
            String guide, IndexSnapshot snapshot, Section s, List<IndexSnapshot.ConceptChip> mine) {
        if (mine.isEmpty()) return List.of();
        var ids = mine.stream().map(IndexSnapshot.ConceptChip::id).toList();
        return snapshot.corpus().contentSections().stream()
                .filter(o -> !o.id().equals(s.id()))
                .map(o -> Map.entry(
                        o,
                        snapshot.conceptsBySection().getOrDefault(o.id(), List.of()).stream()
                                .filter(c -> ids.contains(c.id()))
                                .count()))
                .filter(e -> e.getValue() >= 2)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(5)
                .map(e -> summary(guide, e.getKey()))
                .toList();
    }

    static SectionSummary summary(String guide, Section s) {
        return new SectionSummary(
                guide,
                s.doc(),
                s.anchor(),
                s.title(),
                s.level(),
                s.parent(),
                s.role().name());
    }
}
