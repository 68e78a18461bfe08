package org.guidesearch.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.List;
import org.guidesearch.graph.store.GraphUnavailableException;
import org.guidesearch.server.api.ApiError;
import org.guidesearch.server.api.ApiException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP statuses and JSON error bodies: typed API errors, an unavailable graph
 * store, Javalin's and Jetty's own errors, and anything unexpected. Nothing a client sends can put a stack trace in
 * a response.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final String GRAPH_UNAVAILABLE =
            "the concept graph is unavailable right now; search still works, retry in a few seconds";

    private ErrorMapping() {}

    static void install(JavalinConfig config) {
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandlers.ForServer()));
        config.jetty.modifyServletContextHandler(
                context -> context.setErrorHandler(new JsonErrorHandlers.ForServlets()));
        config.router.javaLangErrorHandler((response, error) -> {
            LOG.error("fatal error while answering a request", error);
            try {
                response.setStatus(500);
                response.setContentType("application/json");
                response.getOutputStream().write(ErrorBodies.forStatus(500));
            } catch (IOException | RuntimeException e) {
                // the connection is gone; nothing left to tell the client
            }
        });
        config.routes.exception(
                ApiException.class, (e, ctx) -> ctx.status(e.status()).json(new ApiError(e.code(), e.getMessage())));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> fixedBody(ctx, e.getStatus()));
        config.routes.exception(GraphUnavailableException.class, (e, ctx) -> graphUnavailable(ctx, e));
        // A graph store that is up but not serving yet (database starting, leader switch, lock timeout) is unavailable,
        // not broken: 503 like an unreachable one, so clients retry.
        for (Class<? extends Exception> unavailable : List.of(
                TransientException.class,
                ServiceUnavailableException.class,
                SessionExpiredException.class,
                DatabaseException.class)) {
            config.routes.exception(unavailable, (e, ctx) -> graphUnavailable(ctx, e));
        }
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ApiError("internal", "the request could not be answered"));
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null
                    || ctx.result().isEmpty()
                    || !ctx.res().getContentType().contains("json")) {
                ctx.json(new ApiError("not_found", "no such resource: " + ctx.path()));
            }
        });
        config.routes.error(405, ctx -> ctx.json(new ApiError("method_not_allowed", "this resource answers GET only")));
    }

    private static void graphUnavailable(Context ctx, Exception e) {
        LOG.warn("graph store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ApiError("graph_unavailable", GRAPH_UNAVAILABLE));
    }

    private static void fixedBody(Context ctx, int status) {
        ctx.status(status).contentType("application/json").result(ErrorBodies.forStatus(status));
    }
}
