package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.web.RequestLog;
import org.guidesearch.server.web.WebConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public edge of a service configured as a site owner would: a CORS allowlist, a partner allowed to frame the
 * pages, an admin token, a tight rate limit behind a proxy. Each test speaks as its own client address (the proxy's
 * {@code X-Forwarded-For}), so the limit only bites where a test wants it to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeSecurityIT {
    private static final String TOKEN = "test-admin-token-0123456789abcdef";
    private static final String SITE = "https://guide.example";

    @TempDir
    static Path state;

    RunningService running;
    Http http;

    @BeforeAll
    void start() throws Exception {
        ServiceConfig base = ServiceConfig.forTests(RunningService.corpusDir(), RunningService.dataDir(), state);
        ServiceConfig config = new ServiceConfig(
                base.guides(),
                base.stateDir(),
                0,
                null,
                null,
                null,
                null,
                0,
                List.of(SITE),
                TOKEN,
                base.embeddingCache(),
                base.embeddingModels(),
                new WebConfig(60, 30, true, "'self' https://partner.example", RequestLog.Mode.ALL, 1 << 20));
        running = RunningService.start(config);
        http = new Http(running.service().port());
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void apiAnswersCarryNosniffAndALockedDownPolicy() {
        Http.Reply r = http.get("/api/search?q=gil", "X-Forwarded-For", "198.51.100.1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(r.header("Server")).isNull();
    }

    @Test
    void pagesAllowTheConfiguredFramersAndExactlyTheirOwnInlineScripts() throws Exception {
        Http.Reply page = http.get("/", "X-Forwarded-For", "198.51.100.2");
        assertThat(page.status()).isEqualTo(200);
        String csp = page.header("Content-Security-Policy");
        assertThat(csp)
                .contains("frame-ancestors 'self' https://partner.example")
                .contains("object-src 'none'")
                .doesNotContain("'unsafe-inline' 'unsafe-eval'")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(csp).contains("script-src 'self'").doesNotContainPattern("script-src[^;]*'unsafe-inline'");
        // Every inline script the page has (the search page today loads modules only) is allowed by its hash.
        Matcher script =
                Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
        while (script.find()) {
            String hash = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
            assertThat(csp).as("the page's own script may run").contains("'sha256-" + hash + "'");
        }
    }

    @Test
    void anAllowedOriginMayReadTheApiAndOthersGetNoCorsHeaders() {
        Http.Reply allowed = http.get("/api/search?q=gil", "Origin", SITE, "X-Forwarded-For", "198.51.100.3");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
        assertThat(allowed.header("Vary")).contains("Origin");
        Http.Reply other =
                http.get("/api/search?q=gil", "Origin", "https://evil.example", "X-Forwarded-For", "198.51.100.3");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void preflightsAreAnsweredForAllowedOriginsAndRefusedForOthers() {
        Http.Reply ok = http.send(
                "OPTIONS",
                "/api/search?q=gil",
                "Origin",
                SITE,
                "Access-Control-Request-Method",
                "GET",
                "X-Forwarded-For",
                "198.51.100.4");
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD");
        Http.Reply evil = http.send(
                "OPTIONS",
                "/api/search?q=gil",
                "Origin",
                "https://evil.example",
                "Access-Control-Request-Method",
                "GET",
                "X-Forwarded-For",
                "198.51.100.4");
        assertThat(evil.status()).isEqualTo(403);
        evil.assertCleanJson();
        Http.Reply post = http.send(
                "OPTIONS",
                "/api/admin/reindex",
                "Origin",
                SITE,
                "Access-Control-Request-Method",
                "POST",
                "X-Forwarded-For",
                "198.51.100.4");
        assertThat(post.status())
                .as("no site may call the admin endpoint from a browser")
                .isEqualTo(403);
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterWhileOthersAreServed() throws Exception {
        String greedy = "203.0.113.7";
        int ok = 0;
        Http.Reply limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            Http.Reply r = http.get("/api/search?q=gil", "X-Forwarded-For", "10.0.0.1, " + greedy);
            if (r.status() == 429) limited = r;
            else ok++;
        }
        assertThat(ok)
                .as("the burst, plus what refilled meanwhile (1 a second)")
                .isBetween(30, 36);
        assertThat(limited).isNotNull();
        limited.assertCleanJson();
        assertThat(limited.json().path("error").asText()).isEqualTo("rate_limited");
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);

        assertThat(http.get("/api/search?q=gil", "X-Forwarded-For", "203.0.113.8")
                        .status())
                .as("another client is not affected")
                .isEqualTo(200);

        Thread.sleep(retryAfter * 1000L + 100);
        assertThat(http.get("/api/search?q=gil", "X-Forwarded-For", greedy).status())
                .as("served again after Retry-After")
                .isEqualTo(200);
    }

    @Test
    void theAdminReindexNeedsTheTokenAndReportsWhatItBuilt() {
        Http.Reply none = http.send("POST", "/api/admin/reindex", "X-Forwarded-For", "198.51.100.5");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        none.assertCleanJson();
        Http.Reply wrong = http.send(
                "POST",
                "/api/admin/reindex",
                "Authorization",
                "Bearer " + TOKEN + "x",
                "X-Forwarded-For",
                "198.51.100.5");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(http.send("POST", "/api/admin/reindex", "Authorization", TOKEN, "X-Forwarded-For", "198.51.100.5")
                        .status())
                .as("the token without the Bearer scheme")
                .isEqualTo(401);
        assertThat(http.get("/api/admin/reindex", "Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "198.51.100.5")
                        .status())
                .isEqualTo(405);

        Http.Reply done = http.send(
                "POST", "/api/admin/reindex", "Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "198.51.100.5");
        assertThat(done.status()).isEqualTo(200);
        JsonNode body = done.assertCleanJson().json();
        assertThat(body.path("status").asText()).isEqualTo("reindexed");
        assertThat(body.path("sections").asInt()).isGreaterThan(200);
        assertThat(body.path("concepts").asInt()).isGreaterThan(80);
        assertThat(body.path("graphPending").asBoolean()).isFalse();
    }

    @Test
    void metricsHaveALatencyHistogramPerRouteTemplateAndTheStoreSizes() {
        http.get("/api/concepts/gil/neighbours?depth=2", "X-Forwarded-For", "198.51.100.6");
        http.get("/api/concepts/definitely-not-a-concept-42", "X-Forwarded-For", "198.51.100.6");
        http.get("/api/search?q=event+loop", "X-Forwarded-For", "198.51.100.6");
        Http.Reply r = http.get("/metrics", "X-Forwarded-For", "198.51.100.6");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        String text = r.body();
        assertThat(text)
                .contains(
                        "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/search\",status=\"200\",le=");
        assertThat(text).contains("route=\"/api/concepts/{id}/neighbours\"");
        assertThat(text).contains("route=\"/api/concepts/{id}\",status=\"404\"");
        assertThat(text).as("raw ids never become labels").doesNotContain("definitely-not-a-concept-42");
        assertThat(gauge(text, "guidesearch_index_sections")).isGreaterThan(200);
        assertThat(gauge(text, "guidesearch_graph_concepts")).isGreaterThan(80);
        assertThat(gauge(text, "guidesearch_graph_relations")).isGreaterThan(100);
        assertThat(text).contains("jvm_memory_used_bytes");
    }

    @Test
    void repeatedSearchesComeFromTheCacheUntilTheNextReindex() throws Exception {
        String q = "/api/search?limit=3&q=descriptor+protocol";
        Http.Reply once = http.get(q, "X-Forwarded-For", "198.51.100.8");
        Http.Reply first = http.get(q, "X-Forwarded-For", "198.51.100.8");
        Http.Reply second = http.get("/api/search?q=descriptor+protocol&limit=3", "X-Forwarded-For", "198.51.100.8");
        assertThat(once.header("X-Cache")).isNull();
        assertThat(first.header("X-Cache"))
                .as("an answer asked for once is not kept: most searches are never repeated")
                .isNull();
        assertThat(first.json().path("hits")).isEqualTo(once.json().path("hits"));
        assertThat(second.header("X-Cache"))
                .as("same parameters in another order")
                .isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(second.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(http.get(q + "&offset=1", "X-Forwarded-For", "198.51.100.8").header("X-Cache"))
                .as("another page is another answer")
                .isNull();
        assertThat(http.get(q + "&offset=1", "X-Forwarded-For", "198.51.100.8").header("X-Cache"))
                .as("kept at its second asking, answered from the cache at its third")
                .isNull();
        assertThat(http.get(q + "&offset=1", "X-Forwarded-For", "198.51.100.8").header("X-Cache"))
                .isEqualTo("hit");

        running.service().reindexer().reindex();
        Http.Reply afterReindex = http.get(q, "X-Forwarded-For", "198.51.100.8");
        assertThat(afterReindex.header("X-Cache"))
                .as("a re-index empties the cache")
                .isNull();
        assertThat(afterReindex.json().path("hits")).isEqualTo(first.json().path("hits"));
        assertThat(http.get(q, "X-Forwarded-For", "198.51.100.8").header("X-Cache"))
                .isEqualTo("hit");
        assertThat(http.get("/api/search?q=%20", "X-Forwarded-For", "198.51.100.8")
                        .header("X-Cache"))
                .isNull();
        String metrics = http.get("/metrics", "X-Forwarded-For", "198.51.100.8").body();
        assertThat(gauge(metrics, "guidesearch_response_cache_total\\{result=\"hit\"\\}"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyCacheReportsItsHitsAndMissesOnMetrics() {
        for (int i = 0; i < 3; i++) { // an answer is kept the second time it is asked for
            assertThat(http.get("/api/search?q=gil+threads", "X-Forwarded-For", "198.51.100.9")
                            .status())
                    .isEqualTo(200);
            assertThat(http.get("/api/concepts?q=gil", "X-Forwarded-For", "198.51.100.9")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(http.get("/api/search?q=gil+thraeds", "X-Forwarded-For", "198.51.100.9")
                        .status())
                .isEqualTo(200);
        // a question is embedded whole (query_embeddings); keywords through their words' vectors (word_embeddings)
        assertThat(http.get("/api/search?q=why+do+threads+wait", "X-Forwarded-For", "198.51.100.9")
                        .status())
                .isEqualTo(200);
        String text = http.get("/metrics", "X-Forwarded-For", "198.51.100.9").body();
        for (String cache : List.of(
                "search_answers",
                "concept_graph",
                "rate_limit_clients",
                "query_embeddings",
                "word_embeddings",
                "term_states",
                "leaf_scores",
                "term_docs",
                "closest_words",
                "word_completions")) {
            // the searcher's caches are per guide, so they carry a guide label too
            assertThat(gauge(text, "cache_gets_total\\{cache=\"" + cache + "\"" + GUIDE + ",result=\"miss\"\\}"))
                    .as(cache)
                    .isPositive();
            gauge(text, "cache_gets_total\\{cache=\"" + cache + "\"" + GUIDE + ",result=\"hit\"\\}");
            gauge(text, "cache_size\\{cache=\"" + cache + "\"" + GUIDE + "\\}");
        }
        for (String cache : List.of("search_answers", "concept_graph", "rate_limit_clients", "term_states")) {
            assertThat(gauge(text, "cache_gets_total\\{cache=\"" + cache + "\"" + GUIDE + ",result=\"hit\"\\}"))
                    .as(cache)
                    .isPositive();
        }
    }

    /** An optional guide label: {@code ,guide="<id>"}. */
    private static final String GUIDE = "(?:,guide=\"[a-z0-9-]+\")?";

    @Test
    void livenessAnswersWithoutTouchingTheStores() {
        Http.Reply r = http.get("/health/live", "X-Forwarded-For", "198.51.100.7");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aLargeAnswerGoesOutWholeWithItsLengthAndGzippedWhenTheClientAsks() throws Exception {
        // 20 hits: larger than the 8 KiB Javalin writes at a time, within Jetty's output buffer
        String path = "/api/search?q=memory%20management%20objects&limit=20";
        Http.Reply plain = http.get(path, "X-Forwarded-For", "198.51.100.10");
        assertThat(plain.status()).isEqualTo(200);
        int bytes = plain.body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isBetween(8 * 1024 + 1, 32 * 1024);
        assertThat(plain.header("Transfer-Encoding")).isNull();
        assertThat(plain.header("Content-Length")).isEqualTo(Integer.toString(bytes));

        HttpResponse<byte[]> gzipped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http.base() + path))
                                .header("Accept-Encoding", "gzip")
                                .header("X-Forwarded-For", "198.51.100.10")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length).isLessThan(bytes / 2);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            // computed again (an answer is kept only at its second asking), so only its tookMs may differ
            var unzipped = (ObjectNode) new ObjectMapper().readTree(in.readAllBytes());
            var first = (ObjectNode) plain.json();
            unzipped.remove("tookMs");
            first.remove("tookMs");
            assertThat(unzipped).isEqualTo(first);
        }
    }

    private static double gauge(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.eE+-]+)$").matcher(text);
        assertThat(m.find()).as(name).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
