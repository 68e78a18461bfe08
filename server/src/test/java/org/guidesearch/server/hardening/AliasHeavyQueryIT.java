package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.VocabularyLoader;
import org.guidesearch.indexer.query.SearchMode;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.web.WebConfig;

/**
 * Queries crowded with the vocabulary's names and aliases, the words whose synonyms multiply a query's clauses (a
 * phrase over five abbreviations with four synonyms each is already over a thousand phrases), as a reader pasting a
 * paragraph of the guide sends them: in every mode, a well-formed answer or a 4xx, never a 5xx.
 */
class AliasHeavyQueryIT {
    /** Words of the guide's prose around the aliases, stop words included, as a pasted paragraph has them. */
    private static final List<String> GUIDE_WORDS = List.of(
            "the",
            "of",
            "and",
            "in",
            "a",
            "how",
            "does",
            "why",
            "when",
            "python",
            "object",
            "memory",
            "thread",
            "reference",
            "count",
            "frame",
            "bytecode",
            "interpreter",
            "runs",
            "function",
            "class",
            "cache",
            "module",
            "import",
            "list",
            "dict",
            "is",
            "each",
            "every",
            "release",
            "holds");

    private static final List<String> PUNCTUATION =
            List.of(",", ".", "?", ":", ";", "(", ")", "—", "-", "/", "\"", "'");

    private static Path state;
    private static RunningService running;
    private static Http http;
    private static List<String> surfaceForms;

    @BeforeContainer
    static void start() throws IOException {
        surfaceForms = new VocabularyLoader()
                .load(RunningService.dataDir()).concepts().stream()
                        .filter(c -> c.surfaceForms().size() > 1) // only words that expand into synonyms
                        .map(Concept::surfaceForms)
                        .flatMap(List::stream)
                        .sorted()
                        .toList();
        state = Files.createTempDirectory("alias-heavy");
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

    @Property(tries = 150)
    void aliasHeavyQueriesGetAWellFormedAnswerOrA4xxInEveryMode(
            @ForAll("modes") SearchMode mode, @ForAll("aliasHeavyQueries") String query) {
        Http.Reply r = http.get(target(query, mode));
        assertThat(r.status()).as("%s %s -> %s", mode, query, r.body()).isLessThan(500);
        r.assertCleanJson();
        if (r.status() == 200) {
            assertWellFormedResults(r.json(), mode);
        } else {
            assertThat(r.status()).as(r.body()).isBetween(400, 499);
        }
    }

    @Example
    void fiveAbbreviationsWithSynonymsFindSectionsInEveryMode() {
        for (SearchMode mode : SearchMode.values()) {
            Http.Reply r = http.get(target("GIL MRO GC JIT venv", mode));
            assertThat(r.status()).as("%s -> %s", mode, r.body()).isEqualTo(200);
            assertWellFormedResults(r.assertCleanJson().json(), mode);
            assertThat(r.json().path("total").asLong()).as(mode.name()).isPositive();
        }
    }

    private static void assertWellFormedResults(JsonNode body, SearchMode mode) {
        assertThat(body.path("mode").asText()).isEqualTo(mode.name().toLowerCase(Locale.ROOT));
        assertThat(body.path("total").isIntegralNumber()).as(body.toString()).isTrue();
        assertThat(body.path("total").asLong()).isNotNegative();
        JsonNode hits = body.path("hits");
        assertThat(hits.isArray()).as(body.toString()).isTrue();
        assertThat((long) hits.size())
                .isLessThanOrEqualTo(Math.min(10, body.path("total").asLong()));
        for (JsonNode hit : hits) {
            assertThat(hit.path("doc").asText()).isNotBlank();
            assertThat(hit.path("anchor").isTextual()).as(hit.toString()).isTrue();
            assertThat(hit.path("title").isTextual()).as(hit.toString()).isTrue();
        }
    }

    private static String target(String query, SearchMode mode) {
        return "/api/search?mode=" + mode.name().toLowerCase(Locale.ROOT) + "&q="
                + HostileInputIT.encode(query.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<SearchMode> modes() {
        return Arbitraries.of(SearchMode.class);
    }

    /** 4 to 40 words, most of them names and aliases, some with punctuation glued on or standing alone. */
    @Provide
    Arbitrary<String> aliasHeavyQueries() {
        Arbitrary<String> word = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(surfaceForms)),
                Tuple.of(3, Arbitraries.of(GUIDE_WORDS)),
                Tuple.of(1, Arbitraries.of(PUNCTUATION)));
        Arbitrary<String> glued = Arbitraries.oneOf(
                word,
                Arbitraries.of(surfaceForms)
                        .flatMap(w -> Arbitraries.of(PUNCTUATION).map(p -> w + p)),
                Arbitraries.of(surfaceForms).map(w -> w.toUpperCase(Locale.ROOT)));
        return glued.list().ofMinSize(4).ofMaxSize(40).map(words -> String.join(" ", words));
    }
}
