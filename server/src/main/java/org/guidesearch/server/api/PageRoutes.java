package org.guidesearch.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * HTML pages whose paths are not files: the concept explorer answers {@code /concepts} and {@code /concepts/{id}}
 * with one page that reads the id from its own URL, so explorer links are shareable. The search page and the
 * widget are plain static files and need no route.
 */
public final class PageRoutes {
    private final String explorerHtml;

    /** Reads the explorer page from the classpath once; fails at start-up, not per request, if it is missing. */
    public PageRoutes() {
        this.explorerHtml = classpathText("/public/explorer.html");
    }

    public void register(RoutesConfig routes) {
        routes.get("/concepts", this::explorer);
        routes.get("/concepts/{id}", this::explorer);
    }

    private void explorer(Context ctx) {
        ctx.html(explorerHtml);
    }

    private static String classpathText(String path) {
        try (InputStream in = PageRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path + "; is the server jar complete?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }
}
