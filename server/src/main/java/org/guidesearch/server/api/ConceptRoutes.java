package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.guidesearch.graph.read.ConceptGraph;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.VocabularyException;
import org.guidesearch.indexer.corpus.SectionRef;
import org.guidesearch.indexer.guide.Guide;
import org.guidesearch.server.serving.GuideCatalog;
import org.guidesearch.server.serving.ServedGuide;

/** The concept graph: lookup, one concept, its neighbourhood, a path between two. */
public final class ConceptRoutes {
    private final ConceptGraph graph;
    private final GuideCatalog catalog;

    public ConceptRoutes(ConceptGraph graph, GuideCatalog catalog) {
        this.graph = graph;
        this.catalog = catalog;
    }

    /** A concept as {@code GET /api/concepts/{id}} shows it: its sections carry their live-site {@code url}. */
    public record ConceptView(
            String id,
            String guide,
            String name,
            java.util.List<String> aliases,
            String kind,
            String definition,
            long sectionCount,
            String source,
            java.util.List<SectionView> sections) {}

    public record SectionView(String doc, String anchor, String title, String url, double weight, boolean home) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/concepts", this::lookup);
        routes.get("/api/graph/stats", ctx -> ctx.json(graph.stats()));
        routes.get("/api/concepts/path", this::path);
        routes.get("/api/concepts/{id}", this::concept);
        routes.get("/api/concepts/{id}/neighbours", this::neighbours);
        routes.get("/api/concepts/{id}/prerequisites", this::prerequisites);
        routes.get("/api/sections/{doc}/{anchor}/concepts", ctx -> conceptsOfSection(ctx, catalog.first()));
        routes.get("/api/sections/{doc}/{anchor}/related", ctx -> relatedSections(ctx, catalog.first()));
        routes.get(
                "/api/sections/{guide}/{doc}/{anchor}/concepts",
                ctx -> conceptsOfSection(ctx, GuideParams.inPath(ctx, catalog)));
        routes.get(
                "/api/sections/{guide}/{doc}/{anchor}/related",
                ctx -> relatedSections(ctx, GuideParams.inPath(ctx, catalog)));
        routes.get("/api/concepts/{id}/neighbors", this::neighbours);
    }

    private void lookup(Context ctx) {
        String q = Params.requiredText(ctx, "q", Params.MAX_QUERY_LENGTH);
        int limit = Params.intParam(ctx, "limit", 10, 1, 100);
        ServedGuide guide = GuideParams.optional(ctx, catalog);
        ctx.json(Map.of("concepts", graph.lookup(q, guide == null ? null : guide.id(), limit)));
    }

    private void concept(Context ctx) {
        String id = conceptId(ctx.pathParam("id"));
        int limit = Params.intParam(ctx, "limit", 50, 1, 500);
        var c = graph.concept(id, limit).orElseThrow(() -> unknown(id));
        Guide site = catalog.find(c.guide())
                .map(ServedGuide::guide)
                .orElse(catalog.first().guide());
        ctx.json(new ConceptView(
                c.id(),
                c.guide(),
                c.name(),
                c.aliases(),
                c.kind(),
                c.definition(),
                c.sectionCount(),
                c.source(),
                c.sections().stream()
                        .map(s -> new SectionView(
                                s.doc(), s.anchor(), s.title(), site.url(s.doc(), s.anchor()), s.weight(), s.home()))
                        .toList()));
    }

    private void neighbours(Context ctx) {
        String id = conceptId(ctx.pathParam("id"));
        int depth = Params.intParam(ctx, "depth", 1, 1, 3);
        int limit = Params.intParam(ctx, "limit", 25, 1, 200);
        String rawType = Params.optionalText(ctx, "type", 40);
        RelationType type;
        try {
            type = rawType == null ? null : RelationType.parse(rawType);
        } catch (VocabularyException e) {
            throw ApiException.badRequest(
                    "invalid_type", e.getMessage() + "; one of " + java.util.Arrays.toString(RelationType.values()));
        }
        ctx.json(graph.neighbours(id, depth, limit, type).orElseThrow(() -> unknown(id)));
    }

    private void prerequisites(Context ctx) {
        String id = conceptId(ctx.pathParam("id"));
        ctx.json(graph.prerequisites(id).orElseThrow(() -> unknown(id)));
    }

    private void conceptsOfSection(Context ctx, ServedGuide guide) {
        SectionRef ref = sectionRef(ctx);
        int limit = Params.intParam(ctx, "limit", 25, 1, 200);
        if (graph.relatedSections(guide.id(), ref, 1).isEmpty()) throw unknownSection(ref);
        ctx.json(Map.of("guide", guide.id(), "section", ref, "concepts", graph.conceptsOf(guide.id(), ref, limit)));
    }

    private void relatedSections(Context ctx, ServedGuide guide) {
        SectionRef ref = sectionRef(ctx);
        int limit = Params.intParam(ctx, "limit", 10, 1, 100);
        ctx.json(Map.of(
                "guide",
                guide.id(),
                "section",
                ref,
                "related",
                graph.relatedSections(guide.id(), ref, limit).orElseThrow(() -> unknownSection(ref))));
    }

    private static SectionRef sectionRef(Context ctx) {
        String doc = ctx.pathParam("doc");
        String anchor = ctx.pathParam("anchor");
        if (doc.length() > Params.MAX_ID_LENGTH || anchor.length() > Params.MAX_ID_LENGTH) {
            throw ApiException.badRequest(
                    "too_long", "doc and anchor are at most " + Params.MAX_ID_LENGTH + " characters");
        }
        return new SectionRef(doc, anchor);
    }

    private static ApiException unknownSection(SectionRef ref) {
        return ApiException.notFound("unknown_section", "no content section " + ref.id() + "; see GET /api/sections");
    }

    private void path(Context ctx) {
        String from = conceptId(Params.requiredText(ctx, "from", Params.MAX_ID_LENGTH));
        String to = conceptId(Params.requiredText(ctx, "to", Params.MAX_ID_LENGTH));
        if (graph.concept(from, 1).isEmpty()) throw unknown(from);
        if (graph.concept(to, 1).isEmpty()) throw unknown(to);
        ctx.json(graph.path(from, to)
                .orElseThrow(() -> ApiException.notFound(
                        "no_path", "no chain of relations joins '" + from + "' and '" + to + "'")));
    }

    private static String conceptId(String raw) {
        if (raw.length() > Params.MAX_ID_LENGTH) {
            throw ApiException.badRequest(
                    "too_long", "a concept id is at most " + Params.MAX_ID_LENGTH + " characters");
        }
        return raw;
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound(
                "unknown_concept", "no concept with id '" + id + "'; find ids with GET /api/concepts?q=");
    }
}
