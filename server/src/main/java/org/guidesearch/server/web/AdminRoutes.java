package org.guidesearch.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.guidesearch.server.api.ApiError;
import org.guidesearch.server.serving.GuideCatalog;
import org.guidesearch.server.serving.IndexSnapshot;
import org.guidesearch.server.serving.ReindexTimings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/admin/reindex}: re-reads the corpus and rebuilds the index and graph, answering with the new
 * counts and timings. It exists only when an admin token is configured ({@link #register} adds nothing otherwise, so
 * the path is a plain 404) and then requires {@code Authorization: Bearer <token>}: 401 without it or with another.
 * One re-index runs at a time; a second request meanwhile gets 409.
 */
public final class AdminRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
    private static final int MIN_TOKEN_LENGTH = 16;

    private final byte[] tokenDigest;
    private final GuideCatalog catalog;
    private final AtomicBoolean running = new AtomicBoolean();

    /** @param token the admin token, or null to leave the endpoint out */
    public AdminRoutes(String token, GuideCatalog catalog) {
        this.tokenDigest = token == null ? null : sha256(token);
        this.catalog = catalog;
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            LOG.warn("ADMIN_TOKEN is shorter than {} characters; use a long random value", MIN_TOKEN_LENGTH);
        }
    }

    /** What a finished re-index reports. */
    public record Result(
            String status,
            int sections,
            int concepts,
            int relations,
            boolean graphPending,
            List<String> problems,
            ReindexTimings timings,
            Map<String, ReindexTimings> guides) {}

    public void register(RoutesConfig routes) {
        if (tokenDigest != null) {
            routes.post("/api/admin/reindex", this::reindex);
        }
    }

    private void reindex(Context ctx) {
        if (!authorized(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"guide-search admin\"");
            ctx.status(401)
                    .json(new ApiError("unauthorized", "send Authorization: Bearer <the configured admin token>"));
            return;
        }
        if (!running.compareAndSet(false, true)) {
            ctx.status(409).json(new ApiError("reindex_running", "a re-index is already running; retry when it ends"));
            return;
        }
        try {
            List<IndexSnapshot> snapshots = catalog.reindexAll();
            Map<String, ReindexTimings> guides = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            int sections = 0;
            int concepts = 0;
            int relations = 0;
            for (int i = 0; i < snapshots.size(); i++) {
                IndexSnapshot s = snapshots.get(i);
                ReindexTimings t = s.timings();
                guides.put(catalog.all().get(i).id(), t);
                sections += t.sections();
                concepts += t.concepts();
                relations += t.relations();
                s.corpus().problems().forEach(p -> problems.add(p.toString()));
            }
            ctx.json(new Result(
                    "reindexed",
                    sections,
                    concepts,
                    relations,
                    catalog.pendingGraph(),
                    problems,
                    snapshots.get(0).timings(),
                    guides));
        } catch (IOException | RuntimeException e) {
            LOG.error("admin re-index failed; the previous index keeps serving", e);
            ctx.status(500)
                    .json(new ApiError(
                            "reindex_failed",
                            "the re-index failed and the previous index keeps serving; the service log says why"));
        } finally {
            running.set(false);
        }
    }

    /** Compares digests in constant time, so the answer's timing says nothing about the token. */
    boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(tokenDigest, sha256(header.substring(7).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
