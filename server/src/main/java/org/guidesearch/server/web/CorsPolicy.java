package org.guidesearch.server.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.guidesearch.server.api.ApiError;

/**
 * Cross-origin access to the read-only API from an allowlist of origins ({@code *} allows any). Only GET and HEAD are
 * ever allowed cross-origin, and no credentials, so the admin endpoint cannot be called from another site's page.
 * Thread-safe and immutable.
 */
public final class CorsPolicy {
    private static final Set<String> METHODS = Set.of("GET", "HEAD");

    private final boolean any;
    private final Set<String> origins;

    public CorsPolicy(List<String> allowed) {
        this.any = allowed.contains("*");
        this.origins = Set.copyOf(allowed);
    }

    /** Adds the CORS headers when the request's origin is allowed; other origins get none, so browsers refuse. */
    public void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !allows(origin)) return;
        allowOrigin(ctx, origin);
    }

    /** Answers a preflight: 204 with the allowed methods for an allowed origin, 403 otherwise. */
    public void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        String method = ctx.header("Access-Control-Request-Method");
        if (origin == null || method == null) {
            ctx.status(204).header("Allow", "GET, HEAD, OPTIONS");
            return;
        }
        if (!allows(origin) || !METHODS.contains(method.strip().toUpperCase(java.util.Locale.ROOT))) {
            ctx.status(403)
                    .json(new ApiError("cors_forbidden", "this origin or method may not call the API cross-origin"));
            return;
        }
        allowOrigin(ctx, origin);
        ctx.header("Access-Control-Allow-Methods", "GET, HEAD");
        ctx.header("Access-Control-Allow-Headers", "Content-Type, Accept");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    public boolean allows(String origin) {
        return any || origins.contains(origin);
    }

    private void allowOrigin(Context ctx, String origin) {
        if (any) {
            ctx.header("Access-Control-Allow-Origin", "*");
        } else {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        }
    }
}
