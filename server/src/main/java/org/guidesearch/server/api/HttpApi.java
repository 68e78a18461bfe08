package org.guidesearch.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.guidesearch.graph.store.GraphUnavailableException;
import org.guidesearch.server.web.WebEdge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: routes, static pages, CORS, and the one place where failures become JSON error responses.
 * Nothing a client sends can produce a stack trace in a response.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final Javalin app;

  public HttpApi(WebEdge edge, SearchRoutes search, SectionRoutes sections, ConceptRoutes concepts,
      HealthRoutes health, PageRoutes pages) {
    ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
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
      search.register(config.routes);
      sections.register(config.routes);
      concepts.register(config.routes);
      health.register(config.routes);
      pages.register(config.routes);
      config.routes.exception(ApiException.class, (e, ctx) ->
          ctx.status(e.status()).json(new ApiError(e.code(), e.getMessage())));
      config.routes.exception(GraphUnavailableException.class, (e, ctx) ->
          ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ApiError("graph_unavailable",
              "the concept graph is unavailable right now; search still works, retry in a few seconds")));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new ApiError("internal", "the request could not be answered"));
      });
      config.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty() || !ctx.res().getContentType().contains("json")) {
          ctx.json(new ApiError("not_found", "no such resource: " + ctx.path()));
        }
      });
      config.routes.error(405, ctx -> ctx.json(new ApiError("method_not_allowed", "this resource answers GET only")));
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
