package org.guidesearch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.guidesearch.indexer.guide.GuideManifest;
import org.guidesearch.server.app.GuideSearchService;
import org.guidesearch.server.app.ServiceConfig;

/** The real service for a test: embedded Neo4j over Bolt, a Lucene index on disk, a real HTTP port. */
public final class RunningService implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GuideSearchService service;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningService(GuideSearchService service) {
        this.service = service;
    }

    public static Path corpusDir() {
        return Path.of(System.getProperty("corpus.dir", "../../shared/corpus/python-under-the-hood"));
    }

    /** The repository's {@code data} folder: manifests and judged query sets. */
    public static Path repositoryData() {
        return Path.of(System.getProperty("data.dir", "../data"));
    }

    /** The Python guide's curated overlay. */
    public static Path dataDir() {
        return repositoryData().resolve("python-under-the-hood");
    }

    /** The service as {@code ./run} starts it: the default manifest, whose first mirror is the {@code ../shared} copy. */
    public static RunningService start(Path stateDir) throws IOException {
        return start(ServiceConfig.forTests(GuideManifest.load(repositoryData().resolve("guides.json")), stateDir));
    }

    public static RunningService start(ServiceConfig config) throws IOException {
        return new RunningService(GuideSearchService.start(config));
    }

    public GuideSearchService service() {
        return service;
    }

    public String base() {
        return "http://127.0.0.1:" + service.port();
    }

    public Response get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(
                r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        service.close();
    }

    /** A response with its body parsed as JSON on demand. */
    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
