package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's published contract: {@code GET /openapi.json} serves the hand-written OpenAPI 3.1 document verbatim
 * ({@code OpenApiContractIT} keeps it true to the live answers), and {@code GET /api/docs} leads to the page that
 * renders it with Swagger UI from its webjar.
 */
public final class ApiDocsRoutes {
    /** Outside {@code /api/}: paths there carry the API's locked-down CSP, under which no script would run. */
    static final String REFERENCE_PAGE = "/api-docs.html";

    private final byte[] document;

    /** Reads the document from the classpath once; fails at start-up, not per request, if it is missing. */
    public ApiDocsRoutes() {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream("/openapi.json")) {
            if (in == null)
                throw new IllegalStateException(
                        "missing classpath resource /openapi.json; is the server jar complete?");
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading /openapi.json", e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document));
        routes.get("/api/docs", ctx -> ctx.redirect(REFERENCE_PAGE, HttpStatus.FOUND));
    }
}
