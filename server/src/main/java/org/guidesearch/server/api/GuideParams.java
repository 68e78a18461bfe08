package org.guidesearch.server.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.guidesearch.server.serving.GuideCatalog;
import org.guidesearch.server.serving.ServedGuide;

/** Which guides a request means: {@code guide} repeated or comma/space separated; all of them when absent. */
final class GuideParams {
    private static final int MAX_GUIDES = 20;

    private GuideParams() {}

    static List<ServedGuide> selected(Context ctx, GuideCatalog catalog) {
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : ctx.queryParams("guide")) {
            if (raw.length() > Params.MAX_ID_LENGTH) {
                throw ApiException.badRequest(
                        "too_long", "'guide' may be at most " + Params.MAX_ID_LENGTH + " characters");
            }
            for (String id : raw.split("[,\\s]+")) if (!id.isBlank()) ids.add(id);
        }
        if (ids.size() > MAX_GUIDES)
            throw ApiException.badRequest("invalid_guide", "at most " + MAX_GUIDES + " guides");
        if (ids.isEmpty()) return catalog.all();
        List<ServedGuide> out = new ArrayList<>();
        for (String id : ids) out.add(known(catalog, id));
        return out;
    }

    /** One optional {@code guide} parameter: that guide, or null when absent. */
    static ServedGuide optional(Context ctx, GuideCatalog catalog) {
        String id = Params.optionalText(ctx, "guide", Params.MAX_ID_LENGTH);
        return id == null ? null : known(catalog, id.strip());
    }

    /** A guide named in a query parameter: an unknown one is a bad request. */
    static ServedGuide known(GuideCatalog catalog, String id) {
        return catalog.find(id).orElseThrow(() -> ApiException.badRequest("unknown_guide", unknown(id)));
    }

    /** The guide named in the path ({@code /api/sections/{guide}/...}): an unknown one is not found. */
    static ServedGuide inPath(Context ctx, GuideCatalog catalog) {
        String id = ctx.pathParam("guide");
        return catalog.find(id).orElseThrow(() -> ApiException.notFound("unknown_guide", unknown(id)));
    }

    private static String unknown(String id) {
        return "no guide with id '" + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + "'; see GET /api/guides";
    }
}
