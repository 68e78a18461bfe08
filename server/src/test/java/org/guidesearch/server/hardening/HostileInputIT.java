package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.web.WebConfig;

/**
 * Random Unicode, control characters, invalid UTF-8, huge and empty values in every parameter and path segment of
 * every endpoint: never a 5xx, always a JSON answer, errors never carry a stack trace or a path.
 */
class HostileInputIT {
    /** Endpoints with {@code V} where a hostile value goes (a path segment or a query value). */
    private static final List<String> TEMPLATES = List.of(
            "/api/search?q=V",
            "/api/search?q=gil&doc=V",
            "/api/search?q=gil&limit=V",
            "/api/search?q=gil&offset=V",
            "/api/search?q=V&limit=V&offset=V&doc=V",
            "/api/concepts?q=V",
            "/api/concepts?q=gil&limit=V",
            "/api/concepts/V",
            "/api/concepts/V?limit=V",
            "/api/concepts/V/neighbours",
            "/api/concepts/gil/neighbours?depth=V",
            "/api/concepts/gil/neighbours?limit=V&type=V",
            "/api/concepts/V/neighbors?depth=V&limit=V&type=V",
            "/api/concepts/path?from=V&to=gil",
            "/api/concepts/path?from=gil&to=V",
            "/api/sections/V/V",
            "/api/sections/part5.md/V",
            "/api/suggest?q=V",
            "/api/graph/stats?x=V",
            "/health?V=V",
            "/V");

    private static Path state;
    private static RunningService running;
    private static Http http;

    @BeforeContainer
    static void start() throws IOException {
        state = Files.createTempDirectory("hostile-input");
        ServiceConfig config = ServiceConfig.forTests(RunningService.corpusDir(), RunningService.dataDir(), state)
                .withWeb(WebConfig.defaults().withRateLimit(0, 1));
        running = RunningService.start(config);
        http = new Http(running.service().port());
    }

    @AfterContainer
    static void stop() throws IOException {
        if (running != null) running.close();
        try (Stream<Path> files = Files.walk(state)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 250)
    void anyUnicodeTextAnywhereGetsJsonAndNoServerError(
            @ForAll("templates") String template, @ForAll("hostileText") String value) {
        check(template, encode(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 200)
    void anyBytesAnywhereIncludingInvalidUtf8GetJsonAndNoServerError(
            @ForAll("templates") String template, @ForAll("hostileBytes") byte[] value) {
        check(template, encode(value));
    }

    @Property(tries = 150)
    void numbersOfAnySizeAndShapeAreCheckedNotTrusted(
            @ForAll("templates") String template, @ForAll("numberish") String value) {
        check(template, encode(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 100)
    void queryLanguageSyntaxIsSearchedAsText(@ForAll("luceneSyntax") String value) {
        Http.Reply r = http.get("/api/search?q=" + encode(value.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).as(value).isIn(200, 400);
        r.assertCleanJson();
    }

    @Example
    void malformedPercentEncodingInPathAndQueryIsA400InJson() {
        for (String target : List.of(
                "/api/concepts/%ZZ",
                "/api/concepts/%",
                "/api/search?q=%ZZ%",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/api/concepts/a%00b",
                "/api/sections/..%2F..%2Fetc/passwd",
                "/api/concepts/%C0%AF",
                "/static/..%5C..%5Cwin.ini")) {
            Http.Reply r = http.raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(r.status()).as(target).isBetween(400, 499);
            r.assertCleanJson();
        }
    }

    @Example
    void aHugeUrlIs414AndHugeHeadersAre431BothInJson() {
        Http.Reply url = http.raw("GET /api/search?q=" + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(url.status()).isEqualTo(414);
        url.assertCleanJson();
        Http.Reply headers = http.raw("GET /api/search?q=gil HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertThat(headers.status()).isEqualTo(431);
        headers.assertCleanJson();
    }

    @Example
    void aQueryOverTheLengthLimitIsA400ThatSaysTheLimit() {
        Http.Reply r = http.get("/api/search?q=" + "word+".repeat(120));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.assertCleanJson().json().path("error").asText()).isEqualTo("too_long");
        assertThat(r.json().path("message").asText()).contains("500");
    }

    @Example
    void limitsOnLimitOffsetAndDepthAre400s() {
        for (String target : List.of(
                "/api/search?q=gil&limit=0",
                "/api/search?q=gil&limit=101",
                "/api/search?q=gil&offset=-1",
                "/api/search?q=gil&offset=10001",
                "/api/concepts/gil/neighbours?depth=0",
                "/api/concepts/gil/neighbours?depth=4",
                "/api/concepts/gil/neighbours?limit=100000",
                "/api/search?q=gil&limit=99999999999999999999",
                "/api/search?q=gil&limit=1e3",
                "/api/search?q=%20%20")) {
            Http.Reply r = http.get(target);
            assertThat(r.status()).as(target).isEqualTo(400);
            r.assertCleanJson();
        }
    }

    @Example
    void unknownIdsAre404InJson() {
        for (String target : List.of(
                "/api/concepts/no-such-concept",
                "/api/concepts/no-such-concept/neighbours",
                "/api/sections/part5.md/no-such-anchor",
                "/api/sections/nope.md/x",
                "/api/concepts/path?from=gil&to=nope",
                "/no/such/page",
                "/api/nothing-here")) {
            Http.Reply r = http.get(target);
            assertThat(r.status()).as(target).isEqualTo(404);
            r.assertCleanJson();
        }
    }

    @Example
    void otherMethodsGet405InJsonAndNonsenseMethodsA4xx() {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            Http.Reply r = http.send(method, "/api/search?q=gil");
            assertThat(r.status()).as(method).isEqualTo(405);
            r.assertCleanJson();
        }
        Http.Reply nonsense =
                http.raw("FROB /api/search?q=gil HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(nonsense.status()).isBetween(400, 499);
        nonsense.assertCleanJson();
    }

    @Example
    void theAdminEndpointDoesNotExistWithoutAToken() {
        Http.Reply r = http.send("POST", "/api/admin/reindex", "Authorization", "Bearer anything");
        assertThat(r.status()).isEqualTo(404);
        r.assertCleanJson();
    }

    @Example
    void garbageInsteadOfHttpGetsA400OrAClosedConnection() {
        Http.Reply r = http.raw(
                "GET /api/search?q=gil HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).isBetween(400, 499);
        r.assertCleanJson();
    }

    private static void check(String template, String encodedValue) {
        String target = template.replace("V", encodedValue);
        Http.Reply r = http.raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).as("%s -> %s", target, r.body()).isLessThan(500);
        boolean page = r.status() == 200
                && !target.startsWith("/api/")
                && !target.startsWith("/health")
                && r.header("content-type").startsWith("text/html");
        if (!page) r.assertCleanJson();
    }

    /** Every byte that is not unreserved becomes %XX, so the value arrives exactly as generated. */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.of(TEMPLATES);
    }

    @Provide
    Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(700),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .withChars('\u007f', '\u2028', '\u202e', '\ufeff', '\uffff')
                        .ofMaxLength(40),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(20),
                Arbitraries.of(
                        "",
                        " ",
                        "..",
                        "../..",
                        "%",
                        "%%",
                        "\\",
                        "'",
                        "\"",
                        "`",
                        "$id",
                        "{id}",
                        "*",
                        "?",
                        "#",
                        "&",
                        "=",
                        "' OR 1=1 --",
                        "\") RETURN 1 //",
                        "MATCH (n) DETACH DELETE n",
                        "<script>alert(1)</script>",
                        "${jndi:ldap://x}",
                        "\u0000",
                        "gil\u0000",
                        "\u00e9\u0301",
                        "\ud83d\ude00".repeat(100),
                        "a".repeat(501)));
    }

    @Provide
    Arbitrary<byte[]> hostileBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of(
                        "",
                        " ",
                        "-0",
                        "+1",
                        "0x10",
                        "1_000",
                        "NaN",
                        "Infinity",
                        "١٢",
                        "１２",
                        "2147483648",
                        "-2147483649",
                        "99999999999999999999999999",
                        "1e309",
                        " 3 ",
                        "3;",
                        "3,4"));
    }

    @Provide
    Arbitrary<String> luceneSyntax() {
        Arbitrary<String> token = Arbitraries.of(
                "title:(",
                "*",
                "?",
                "a AND",
                "OR",
                "NOT",
                "~2",
                "\\",
                "[1 TO",
                "{}",
                "/regex/",
                "\"",
                "(",
                ")",
                "^3",
                "+",
                "-",
                "&&",
                "||",
                "!",
                ":",
                "gil",
                "event loop",
                "*:*",
                "field:value",
                "\u0000");
        return Combinators.combine(token.list().ofMinSize(1).ofMaxSize(8), Arbitraries.of(" ", "", "  "))
                .as((parts, sep) -> String.join(sep, parts));
    }
}
