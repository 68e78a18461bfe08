package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.guidesearch.server.serving.GuideCatalog;
import org.guidesearch.server.serving.IndexSnapshot;
import org.guidesearch.server.serving.ServedGuide;

/** {@code GET /api/guides}: the guides served, in manifest order, with their sizes once indexed. */
public final class GuideRoutes {
    private final GuideCatalog catalog;

    public GuideRoutes(GuideCatalog catalog) {
        this.catalog = catalog;
    }

    /** A guide as the API lists it; {@code sections}, {@code concepts} and {@code builtAt} are null before its first index. */
    public record GuideView(String id, String title, String site, Integer sections, Integer concepts, String builtAt) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/guides", this::list);
    }

    private void list(Context ctx) {
        List<GuideView> out = catalog.all().stream().map(GuideRoutes::view).toList();
        ctx.json(Map.of("guides", out));
    }

    private static GuideView view(ServedGuide g) {
        IndexSnapshot s = g.snapshot();
        return new GuideView(
                g.id(),
                g.guide().title(),
                g.guide().site(),
                s == null ? null : s.timings().sections(),
                s == null ? null : s.timings().concepts(),
                s == null ? null : s.builtAt().toString());
    }
}
