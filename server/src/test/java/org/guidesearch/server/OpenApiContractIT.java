package org.guidesearch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.web.RequestLog;
import org.guidesearch.server.web.WebConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code openapi.json} true: calls every documented operation of one running service, for a success and for
 * each error it can provoke, and validates every answer (status, media type, documented headers, and the body with
 * networknt's JSON Schema 2020-12 validator) against the response the document declares for it. A status the
 * document does not list for the operation fails, and so does a documented operation or status no call reaches,
 * unless {@link #NOT_PROVOKED} says why it cannot be reached here.
 *
 * <p>Every call comes from an address of its own (the service trusts {@code X-Forwarded-For}), so the rate limit
 * bites only where a call asks it to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "contract-test-admin-token-0123456789";
    /** Where the validator believes the document lives; it is given the text, so nothing is fetched. */
    private static final String DOCUMENT_IRI = "https://guide-search.example/openapi.json";
    /** A burst to use up, refilled slowly enough (one request in ten seconds) that it stays used up for a call. */
    private static final int BURST = 5;

    private static final int PER_MINUTE = 6;
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** Documented answers this service cannot be made to give without breaking it, and why that is acceptable. */
    private static final Map<String, String> NOT_PROVOKED = Map.of(
            "503", "needs a store down or a guide not yet indexed: GraphOutageIT and StartWithoutGuideIT cover that",
            "429", "the same RateLimited response on every operation; provoked once, on GET /api/search",
            "POST /api/admin/reindex 404", "the path exists only without an admin token, and this service has one",
            "POST /api/admin/reindex 409", "needs two re-indexes at once; AdminRoutes answers it before any work",
            "POST /api/admin/reindex 500", "needs a re-index that fails");

    @TempDir
    static Path state;

    RunningService running;
    String documentText;
    JsonNode document;
    SchemaRegistry schemas;
    final AtomicInteger clients = new AtomicInteger();

    String guide;
    String concept;
    String neighbour;
    String doc;
    String anchor;

    @BeforeAll
    void start() throws IOException {
        ServiceConfig base = ServiceConfig.forTests(RunningService.corpusDir(), RunningService.dataDir(), state);
        running = RunningService.start(new ServiceConfig(
                base.guides(),
                base.stateDir(),
                0,
                null,
                null,
                null,
                null,
                0,
                List.of("*"),
                TOKEN,
                base.embeddingCache(),
                base.embeddingModels(),
                new WebConfig(PER_MINUTE, BURST, true, "'self'", RequestLog.Mode.ERRORS, 1 << 20)));
        documentText = send("GET", "/openapi.json").body();
        document = JSON.readTree(documentText);
        schemas = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(DOCUMENT_IRI, documentText)));

        guide = json("/api/guides").path("guides").path(0).path("id").asText();
        concept = json("/api/concepts?q=" + enc("global interpreter lock"))
                .path("concepts")
                .path(0)
                .path("id")
                .asText();
        JsonNode home = json("/api/concepts/" + enc(concept)).path("sections").path(0);
        doc = home.path("doc").asText();
        anchor = home.path("anchor").asText();
        neighbour = json("/api/concepts/" + enc(concept) + "/neighbours").path("nodes").findValuesAsText("id").stream()
                .filter(id -> !id.equals(concept))
                .findFirst()
                .orElseThrow();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    /**
     * What the contract test calls. {@code template} names the documented path; a {@code component} instead names a
     * response every path can give ({@code #/components/responses/...}), for calls no operation answers.
     */
    record Call(
            String method,
            String template,
            String target,
            int status,
            String component,
            List<String> headers,
            boolean exhaustBurst) {
        static Call get(String template, String target, int status) {
            return new Call("GET", template, target, status, null, List.of(), false);
        }

        static Call anyPath(String method, String target, int status, String component, String... headers) {
            return new Call(method, null, target, status, component, List.of(headers), false);
        }

        Call withHeader(String header) {
            List<String> more = new ArrayList<>(headers);
            more.add(header);
            return new Call(method, template, target, status, component, more, exhaustBurst);
        }

        Call afterBurst() {
            return new Call(method, template, target, status, component, headers, true);
        }

        String documented() {
            return method + " " + template + " " + status;
        }

        @Override
        public String toString() {
            String shown = target.length() > 90 ? target.substring(0, 90) + "…(" + target.length() + " chars)" : target;
            return method + " " + shown + " → " + status + (component == null ? "" : " (" + component + ")")
                    + (headers.isEmpty()
                            ? ""
                            : " with "
                                    + headers.stream()
                                            .map(h -> h.length() > 40 ? h.substring(0, 40) + "…" : h)
                                            .toList())
                    + (exhaustBurst ? " after its burst" : "");
        }
    }

    List<Call> calls() {
        String c = enc(concept);
        String sec = "/" + enc(doc) + "/" + enc(anchor);
        String gsec = "/" + enc(guide) + sec;
        String tooLong = "x".repeat(201);
        String hugeUrl = "a".repeat(20_000);
        List<Call> calls = new ArrayList<>(List.of(
                Call.get("/api/guides", "/api/guides", 200),
                Call.get("/api/search", "/api/search?q=" + enc("global interpreter lock"), 200),
                Call.get(
                        "/api/search",
                        "/api/search?q=gil&limit=3&offset=1&mode=keyword&doc=" + enc(doc) + "&guide=" + enc(guide),
                        200),
                Call.get("/api/search", "/api/search?q=asyncoi+event+loop&mode=semantic", 200),
                Call.get("/api/search", "/api/search?q=" + enc("why are my threads not faster") + "&explain=true", 200),
                Call.get("/api/search", "/api/search?q=slots&group=false&explain=1", 200),
                Call.get("/api/search", "/api/search?q=gil&group=maybe", 400),
                Call.get("/api/search", "/api/search?q=", 400),
                Call.get("/api/search", "/api/search?q=gil&limit=101", 400),
                Call.get("/api/search", "/api/search?q=gil&mode=fuzzy", 400),
                Call.get("/api/search", "/api/search?q=gil&guide=no-such-guide", 400),
                Call.get("/api/search", "/api/search?q=gil&doc=no-such-file.md", 400),
                Call.get("/api/search", "/api/search?q=" + "word+".repeat(120), 400),
                Call.get("/api/search", "/api/search?q=" + hugeUrl, 414),
                Call.get("/api/search", "/api/search?q=threads", 429).afterBurst(),
                Call.get("/api/suggest", "/api/suggest?q=glo", 200),
                Call.get("/api/suggest", "/api/suggest?q=gil&limit=51", 400),
                Call.get("/api/suggest", "/api/suggest?q=" + hugeUrl, 414),
                Call.get("/api/sections", "/api/sections", 200),
                Call.get("/api/sections", "/api/sections?guide=" + enc(guide), 200),
                Call.get("/api/sections", "/api/sections?guide=no-such-guide", 400),
                Call.get("/api/sections/{doc}/{anchor}", "/api/sections" + sec, 200),
                Call.get("/api/sections/{doc}/{anchor}", "/api/sections/" + tooLong + "/x", 400),
                Call.get("/api/sections/{doc}/{anchor}", "/api/sections/" + enc(doc) + "/no-such-anchor", 404),
                Call.get("/api/sections/{guide}/{doc}/{anchor}", "/api/sections" + gsec, 200),
                Call.get(
                        "/api/sections/{guide}/{doc}/{anchor}",
                        "/api/sections/" + enc(guide) + "/" + enc(doc) + "/" + tooLong,
                        400),
                Call.get("/api/sections/{guide}/{doc}/{anchor}", "/api/sections/no-such-guide" + sec, 404),
                Call.get("/api/sections/{doc}/{anchor}/concepts", "/api/sections" + sec + "/concepts?limit=5", 200),
                Call.get("/api/sections/{doc}/{anchor}/concepts", "/api/sections" + sec + "/concepts?limit=0", 400),
                Call.get(
                        "/api/sections/{doc}/{anchor}/concepts",
                        "/api/sections/" + enc(doc) + "/no-such-anchor/concepts",
                        404),
                Call.get("/api/sections/{doc}/{anchor}/related", "/api/sections" + sec + "/related", 200),
                Call.get("/api/sections/{doc}/{anchor}/related", "/api/sections" + sec + "/related?limit=101", 400),
                Call.get(
                        "/api/sections/{doc}/{anchor}/related",
                        "/api/sections/" + enc(doc) + "/no-such-anchor/related",
                        404),
                Call.get("/api/sections/{guide}/{doc}/{anchor}/concepts", "/api/sections" + gsec + "/concepts", 200),
                Call.get(
                        "/api/sections/{guide}/{doc}/{anchor}/concepts",
                        "/api/sections" + gsec + "/concepts?limit=x",
                        400),
                Call.get(
                        "/api/sections/{guide}/{doc}/{anchor}/concepts",
                        "/api/sections/no-such-guide" + sec + "/concepts",
                        404),
                Call.get(
                        "/api/sections/{guide}/{doc}/{anchor}/related",
                        "/api/sections" + gsec + "/related?limit=3",
                        200),
                Call.get(
                        "/api/sections/{guide}/{doc}/{anchor}/related",
                        "/api/sections/" + enc(guide) + "/" + tooLong + "/x/related",
                        400),
                Call.get(
                        "/api/sections/{guide}/{doc}/{anchor}/related",
                        "/api/sections/no-such-guide" + sec + "/related",
                        404),
                Call.get("/api/concepts", "/api/concepts?q=" + enc("global interpreter lock"), 200),
                Call.get("/api/concepts", "/api/concepts?q=gil&limit=3&guide=" + enc(guide), 200),
                Call.get("/api/concepts", "/api/concepts?q=", 400),
                Call.get("/api/concepts", "/api/concepts?q=" + hugeUrl, 414),
                Call.get("/api/concepts/path", "/api/concepts/path?from=" + c + "&to=" + enc(neighbour), 200),
                Call.get("/api/concepts/path", "/api/concepts/path?from=" + c, 400),
                Call.get("/api/concepts/path", "/api/concepts/path?from=" + c + "&to=no-such-concept", 404),
                Call.get("/api/concepts/{id}", "/api/concepts/" + c, 200),
                Call.get("/api/concepts/{id}", "/api/concepts/" + c + "?limit=501", 400),
                Call.get("/api/concepts/{id}", "/api/concepts/no-such-concept", 404),
                Call.get("/api/concepts/{id}/neighbours", "/api/concepts/" + c + "/neighbours?depth=2&limit=10", 200),
                Call.get("/api/concepts/{id}/neighbours", "/api/concepts/" + c + "/neighbours?type=related_to", 200),
                Call.get("/api/concepts/{id}/neighbours", "/api/concepts/" + c + "/neighbours?depth=4", 400),
                Call.get("/api/concepts/{id}/neighbours", "/api/concepts/no-such-concept/neighbours", 404),
                Call.get("/api/concepts/{id}/neighbors", "/api/concepts/" + c + "/neighbors", 200),
                Call.get("/api/concepts/{id}/neighbors", "/api/concepts/" + c + "/neighbors?type=no-such-type", 400),
                Call.get("/api/concepts/{id}/neighbors", "/api/concepts/no-such-concept/neighbors", 404),
                Call.get("/api/concepts/{id}/prerequisites", "/api/concepts/" + c + "/prerequisites", 200),
                Call.get("/api/concepts/{id}/prerequisites", "/api/concepts/" + tooLong + "/prerequisites", 400),
                Call.get("/api/concepts/{id}/prerequisites", "/api/concepts/no-such-concept/prerequisites", 404),
                Call.get("/api/graph/stats", "/api/graph/stats", 200),
                Call.get("/health", "/health", 200),
                Call.get("/health/live", "/health/live", 200),
                Call.get("/metrics", "/metrics", 200),
                Call.get("/openapi.json", "/openapi.json", 200),
                Call.get("/api/docs", "/api/docs", 302),
                Call.get("/concepts", "/concepts", 200),
                Call.get("/concepts/{id}", "/concepts/" + c, 200),
                Call.anyPath("POST", "/api/search?q=gil", 405, "MethodNotAllowed"),
                Call.anyPath("DELETE", "/api/concepts/" + c, 405, "MethodNotAllowed"),
                Call.anyPath("GET", "/api/no-such-endpoint", 404, "NotFound"),
                // in the path: Jetty refuses it before routing (in the query, the router just drops the bad parameter)
                Call.anyPath("GET", "/api/concepts/%ZZ", 400, "Malformed"),
                Call.anyPath("GET", "/api/search?q=gil", 431, "HeadersTooLarge", "X-Padding: " + "p".repeat(20_000)),
                new Call("POST", "/api/admin/reindex", "/api/admin/reindex", 401, null, List.of(), false),
                new Call(
                        "POST",
                        "/api/admin/reindex",
                        "/api/admin/reindex",
                        401,
                        null,
                        List.of("Authorization: Bearer not-the-token"),
                        false)));
        // last: it replaces the index the calls above read
        calls.add(new Call(
                "POST",
                "/api/admin/reindex",
                "/api/admin/reindex",
                200,
                null,
                List.of("Authorization: Bearer " + TOKEN),
                false));
        return calls;
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerValidatesAgainstTheDocument() {
        return calls().stream().map(call -> DynamicTest.dynamicTest(call.toString(), () -> conforms(call)));
    }

    @Test
    void everyOperationAndEveryStatusItDocumentsIsCalled() {
        Set<String> called = new TreeSet<>();
        calls().stream().filter(c -> c.component() == null).forEach(c -> called.add(c.documented()));
        List<String> missing = new ArrayList<>();
        operations()
                .forEach(
                        (operation, node) -> node.path("responses").fieldNames().forEachRemaining(status -> {
                            String key = operation + " " + status;
                            if (!called.contains(key)
                                    && !NOT_PROVOKED.containsKey(status)
                                    && !NOT_PROVOKED.containsKey(key)) missing.add(key);
                        }));
        assertThat(missing).as("documented answers no call checks").isEmpty();
        assertThat(called)
                .as("every call is to a documented operation and status")
                .allSatisfy(key -> assertThat(documentedResponse(
                                key.substring(0, key.indexOf(' ')),
                                key.substring(key.indexOf(' ') + 1, key.lastIndexOf(' ')),
                                key.substring(key.lastIndexOf(' ') + 1)))
                        .isNotNull());
        assertThat(called).contains("GET /api/search 429");
    }

    @Test
    void theDocumentIsOpenApi31WithEveryOperationDescribingItsAnswersAndEveryReferenceResolving() {
        assertThat(document.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        Set<String> operationIds = new TreeSet<>();
        Map<String, JsonNode> operations = operations();
        assertThat(operations).hasSizeGreaterThan(20);
        operations.forEach((operation, node) -> {
            assertThat(operationIds.add(node.path("operationId").asText()))
                    .as(operation + " has its own operationId")
                    .isTrue();
            assertThat(node.path("responses").size())
                    .as(operation + " documents its answers")
                    .isPositive();
            node.path("responses").fields().forEachRemaining(r -> {
                assertThat(r.getKey()).as(operation).matches("[1-5]\\d\\d");
                JsonNode response =
                        r.getValue().has("$ref") ? at(r.getValue().path("$ref").asText()) : r.getValue();
                assertThat(response.path("description").asText())
                        .as(operation + " " + r.getKey())
                        .isNotBlank();
            });
            for (JsonNode p : node.path("parameters")) {
                JsonNode param = p.has("$ref") ? at(p.path("$ref").asText()) : p;
                assertThat(param.path("in").asText())
                        .as(operation + " parameter " + param)
                        .isIn("query", "path", "header");
                assertThat(param.has("schema"))
                        .as(operation + " parameter " + param.path("name"))
                        .isTrue();
            }
            Matcher names = Pattern.compile("\\{([^}]+)}").matcher(operation);
            while (names.find()) {
                String name = names.group(1);
                assertThat(node.path("parameters").findValuesAsText("$ref").stream()
                                        .map(this::at)
                                        .anyMatch(p -> p.path("name").asText().equals(name)
                                                && p.path("in").asText().equals("path"))
                                || node.path("parameters").findParents("in").stream()
                                        .anyMatch(p -> p.path("name").asText().equals(name)
                                                && p.path("in").asText().equals("path")))
                        .as(operation + " declares its path parameter " + name)
                        .isTrue();
            }
        });
        List<String> refs = document.findValuesAsText("$ref");
        assertThat(refs)
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(ref).startsWith("#/components/").satisfies(r -> at(r)));
        // every schema compiles, with every $ref inside it resolved
        document.path("components")
                .path("schemas")
                .fieldNames()
                .forEachRemaining(name -> schema("/components/schemas/" + name).initializeValidators());
    }

    @Test
    void theServedDocumentIsTheOneInTheRepository() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
            assertThat(in).isNotNull();
            assertThat(documentText).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theReferencePageLoadsSwaggerUiFromItsWebjarAndNothingFromAnotherHost() {
        Reply redirect = send("GET", "/api/docs");
        Reply page = send("GET", redirect.header("location"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.header("content-security-policy"))
                .contains("script-src 'self'")
                .contains("connect-src 'self'");
        assertThat(page.body())
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContainPattern("\\son[a-z]+=");
        Matcher links = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        List<String> assets = new ArrayList<>();
        while (links.find()) assets.add(links.group(1));
        assertThat(assets)
                .as("assets of the page")
                .contains("/api-docs.js")
                .anyMatch(a -> a.startsWith("/webjars/swagger-ui/"))
                .allMatch(a -> a.startsWith("/") && !a.startsWith("//"));
        for (String asset : assets) {
            assertThat(send("GET", asset).status()).as(asset + " answers").isEqualTo(200);
        }
    }

    // --- checking one answer -----------------------------------------------------------------------------------------

    private void conforms(Call asked) {
        Call call = asked.exhaustBurst() ? asked.withHeader(useUpABurst(asked)) : asked;
        Reply reply = send(call.method(), call.target(), call.headers());
        String body = reply.body().length() > 600 ? reply.body().substring(0, 600) + "…" : reply.body();
        assertThat(reply.status()).as("%s answered %s", call, body).isEqualTo(call.status());

        String responsePointer;
        if (call.component() != null) {
            // raised below the routes (by Jetty or the router), so on any path: the document says so once, up front
            assertThat(document.path("info").path("description").asText())
                    .as("the document names %s as an answer of every path", call.component())
                    .contains("`" + call.component() + "`");
            responsePointer = "/components/responses/" + call.component();
        } else {
            JsonNode response = documentedResponse(call.method(), call.template(), Integer.toString(reply.status()));
            if (response == null) {
                fail(
                        "%s %s answered %d, which the document does not list for that operation: %s",
                        call.method(), call.template(), reply.status(), body);
            }
            responsePointer = pointerOf(
                    response,
                    "/paths/" + escape(call.template()) + "/" + call.method().toLowerCase(Locale.ROOT) + "/responses/"
                            + reply.status());
        }
        JsonNode response = at(responsePointer);
        response.path("headers")
                .fieldNames()
                .forEachRemaining(header -> assertThat(reply.header(header.toLowerCase(Locale.ROOT)))
                        .as("%s sends the documented header %s", call, header)
                        .isNotNull());
        if (!response.has("content")) {
            assertThat(reply.body()).as(call.toString()).isEmpty();
            return;
        }
        String mediaType = response.path("content").fieldNames().next();
        String contentType = reply.header("content-type");
        assertThat(contentType).as("%s content type", call).isNotNull();
        assertThat(contentType.split(";")[0].strip().toLowerCase(Locale.ROOT))
                .as("%s content type", call)
                .isEqualTo(mediaType);
        if (mediaType.equals("application/json")) {
            List<Error> errors = schema(responsePointer + "/content/application~1json/schema")
                    .validate(reply.body(), InputFormat.JSON);
            assertThat(errors)
                    .as("%s: the body %s breaks the schema at %s", call, body, responsePointer)
                    .isEmpty();
        }
    }

    /** Sends the call's request until one address has used its burst; returns that address's header. */
    private String useUpABurst(Call call) {
        String client = "X-Forwarded-For: 192.0.2." + (clients.incrementAndGet() % 250 + 1);
        for (int i = 0; i < BURST; i++) send(call.method(), call.target(), List.of(client));
        return client;
    }

    /** The response an operation documents for a status, or null; fails when the operation itself is not documented. */
    private JsonNode documentedResponse(String method, String template, String status) {
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isObject())
                .as("%s %s is documented", method, template)
                .isTrue();
        return operation.path("responses").get(status);
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            assertThat(path.getKey()).startsWith("/");
            List<String> methods = new ArrayList<>();
            path.getValue().fieldNames().forEachRemaining(methods::add);
            assertThat(methods)
                    .as(path.getKey() + " has operations")
                    .isNotEmpty()
                    .allMatch(METHODS::contains);
            methods.forEach(m -> out.put(
                    m.toUpperCase(Locale.ROOT) + " " + path.getKey(),
                    path.getValue().path(m)));
        });
        return out;
    }

    /** Where a response really is: its own place, or the component it refers to. */
    private static String pointerOf(JsonNode response, String ownPointer) {
        return response.has("$ref") ? response.path("$ref").asText().substring(1) : ownPointer;
    }

    private JsonNode at(String pointer) {
        JsonNode node = document.at(pointer.startsWith("#") ? pointer.substring(1) : pointer);
        assertThat(node.isMissingNode())
                .as("%s resolves in the document", pointer)
                .isFalse();
        return node;
    }

    private Schema schema(String pointer) {
        return schemas.getSchema(SchemaLocation.of(
                DOCUMENT_IRI + "#" + pointer.replace("{", "%7B").replace("}", "%7D")));
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }

    // --- the wire
    // ------------------------------------------------------------------------------------------------------

    record Reply(int status, Map<String, String> headers, String body) {
        String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }
    }

    private JsonNode json(String target) throws IOException {
        Reply reply = send("GET", target);
        assertThat(reply.status()).as(target).isEqualTo(200);
        return JSON.readTree(reply.body());
    }

    private Reply send(String method, String target) {
        return send(method, target, List.of());
    }

    /**
     * Sends the request byte for byte over a socket, so malformed and oversized requests reach the server as written.
     * Without an {@code X-Forwarded-For} among {@code headers}, the request comes from an address of its own.
     */
    private Reply send(String method, String target, List<String> headers) {
        StringBuilder request = new StringBuilder(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        if (headers.stream().noneMatch(h -> h.startsWith("X-Forwarded-For:"))) {
            int n = clients.incrementAndGet();
            request.append("X-Forwarded-For: 10.")
                    .append(n / 62_500 % 250)
                    .append('.')
                    .append(n / 250 % 250)
                    .append('.')
                    .append(n % 250 + 1)
                    .append("\r\n");
        }
        headers.forEach(h -> request.append(h).append("\r\n"));
        if (method.equals("POST")) request.append("Content-Length: 0\r\n");
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", running.service().port()), 5_000);
            socket.setSoTimeout(300_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            return parse(all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    private static Reply parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
        }
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n'))
                lineEnd++;
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) break;
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
