package org.guidesearch.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.guidesearch.server.api.ConceptRoutes;
import org.guidesearch.server.api.GuideRoutes;
import org.guidesearch.server.api.HealthRoutes;
import org.guidesearch.server.api.JsonAnswer;
import org.guidesearch.server.api.PageRoutes;
import org.guidesearch.server.api.SearchRoutes;
import org.guidesearch.server.api.SectionRoutes;

/**
 * The HTTP server: the edge, the routes and static pages, and the error mapping ({@link ErrorMapping}).
 */
public final class HttpApi implements AutoCloseable {
    private final Javalin app;

    /** @param mapper the JSON mapper of every answer: Javalin's {@code ctx.json} and {@link JsonAnswer} alike */
    public HttpApi(
            ObjectMapper mapper,
            WebEdge edge,
            GuideRoutes guides,
            SearchRoutes search,
            SectionRoutes sections,
            ConceptRoutes concepts,
            HealthRoutes health,
            PageRoutes pages) {
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            edge.configure(config); // headers, CORS, rate limit, metrics, logs: before any route
            guides.register(config.routes);
            search.register(config.routes);
            // before the sections: /api/sections/{doc}/{anchor}/concepts must not be read as {guide}/{doc}/{anchor}
            concepts.register(config.routes);
            sections.register(config.routes);
            health.register(config.routes);
            pages.register(config.routes);
            new org.guidesearch.server.api.ApiDocsRoutes().register(config.routes);
            ErrorMapping.install(config);
        });
    }

    public HttpApi start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
