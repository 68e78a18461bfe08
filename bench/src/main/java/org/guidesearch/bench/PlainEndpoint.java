package org.guidesearch.bench;

import io.javalin.Javalin;

/**
 * The ceiling the HTTP figures are divided by: Javalin with one route and nothing else (no filters, no static files,
 * no JSON mapper), on 127.0.0.1 and a free port. Whatever the machine's load does to the service in a run, it does
 * to this too. Owns its server; close stops it.
 */
final class PlainEndpoint implements AutoCloseable {
    /** The same bytes {@code /health/live} answers, so the two rows differ only by the service's edge. */
    private static final String BODY = "{\"status\":\"UP\"}";

    private final Javalin app;

    PlainEndpoint() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.routes.get("/", ctx -> ctx.contentType("application/json").result(BODY));
        });
        app.start("127.0.0.1", 0);
    }

    String url() {
        return "http://127.0.0.1:" + app.port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }
}
