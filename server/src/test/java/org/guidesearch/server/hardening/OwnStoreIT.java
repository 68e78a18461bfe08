package org.guidesearch.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.guidesearch.graph.store.EmbeddedNeo4j;
import org.guidesearch.graph.store.StoreIdentity;
import org.guidesearch.server.RunningService;
import org.guidesearch.server.app.ServiceConfig;
import org.guidesearch.server.web.WebConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * Each service's embedded graph store is its own. Two services on one machine, with the defaults and different
 * guides, each serve their own concepts and never reach the other's store; a store that is not the service's own
 * is never served.
 */
class OwnStoreIT {
    private static final String CPP_GUIDE = """
      # C++ Under the Hood

      ## 1.1 RAII

      Resource Acquisition Is Initialization (RAII) ties a resource to the lifetime of an object: the constructor
      acquires it and the destructor releases it, so a scope exit never leaks a file handle or a mutex.

      ## 1.2 Move Semantics

      Move semantics let an object hand its resources to another instead of copying them. An rvalue reference binds
      to a temporary, and std::move turns a named object into one.

      ## 1.3 Templates

      Templates generate code for each type they are used with. RAII wrappers such as std::unique_ptr are templates.
      """;
    private static final String CPP_CONCEPTS = """
      [
        {"id": "raii", "name": "RAII", "aliases": ["Resource Acquisition Is Initialization"], "kind": "idiom",
         "definition": "Tying a resource to an object's lifetime.", "home": "cpp.md#11-raii"},
        {"id": "move-semantics", "name": "Move semantics", "aliases": ["std::move", "rvalue reference"],
         "kind": "language", "definition": "Handing resources over instead of copying.",
         "home": "cpp.md#12-move-semantics"},
        {"id": "templates", "name": "Templates", "aliases": ["template"], "kind": "language",
         "definition": "Code generated per type.", "home": "cpp.md#13-templates"}
      ]
      """;

    @TempDir
    Path pythonState;

    @TempDir
    Path cppState;

    @TempDir
    Path cppCorpus;

    @TempDir
    Path cppData;

    @Test
    void twoServicesOnOneMachineEachServeOnlyTheirOwnGraph() throws Exception {
        writeCppGuide();
        try (RunningService python = RunningService.start(
                        config(RunningService.corpusDir(), RunningService.dataDir(), pythonState));
                RunningService cpp = RunningService.start(config(cppCorpus, cppData, cppState))) {
            Http a = new Http(python.service().port());
            Http b = new Http(cpp.service().port());
            assertThat(a.get("/health").json().path("status").asText()).isEqualTo("UP");
            assertThat(b.get("/health").json().path("status").asText()).isEqualTo("UP");
            String storeA = a.get("/health")
                    .json()
                    .path("components")
                    .path("graph")
                    .path("store")
                    .asText();
            String storeB = b.get("/health")
                    .json()
                    .path("components")
                    .path("graph")
                    .path("store")
                    .asText();
            assertThat(storeA).isNotEqualTo(storeB);

            assertThat(a.get("/api/graph/stats").json().path("concepts").asInt())
                    .isGreaterThan(80);
            // its 3 curated concepts and what extraction finds in its few sections; nothing of A's hundreds
            assertThat(b.get("/api/graph/stats").json().path("concepts").asInt())
                    .isBetween(3, 30);
            assertThat(ids(a.get("/api/concepts?q=gil").json())).contains("gil");
            assertThat(ids(b.get("/api/concepts?q=gil").json())).isEmpty();
            assertThat(ids(b.get("/api/concepts?q=raii").json())).containsExactly("raii");
            assertThat(ids(a.get("/api/concepts?q=raii").json())).isEmpty();

            // Straight into each store: only its own service's concepts, and the other service's password opens
            // nothing.
            AuthToken ownA =
                    StoreIdentity.ofFolder(pythonState.resolve("neo4j")).authToken();
            AuthToken ownB = StoreIdentity.ofFolder(cppState.resolve("neo4j")).authToken();
            assertThat(conceptIds(storeA, ownA)).contains("gil").doesNotContain("raii", "move-semantics", "templates");
            // its curated concepts, and whatever extraction adds from its own text
            assertThat(conceptIds(storeB, ownB))
                    .contains("raii", "move-semantics", "templates")
                    .doesNotContain("gil");
            assertThatThrownBy(() -> conceptIds(storeA, ownB)).isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> conceptIds(storeB, ownA)).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void aStoreWithAnotherIdentityIsNeverServed() throws Exception {
        writeCppGuide();
        // The store folder was made by another service (copied over); this service's id file names another store.
        EmbeddedNeo4j.start(cppState.resolve("neo4j"), 0).close();
        Files.writeString(cppState.resolve("neo4j").resolve(StoreIdentity.ID_FILE), "id-of-this-service\n");
        try (RunningService cpp = RunningService.start(config(cppCorpus, cppData, cppState))) {
            Http http = new Http(cpp.service().port());
            JsonNode health = http.get("/health").json();
            assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(health.path("components").path("graph").path("message").asText())
                    .contains("is not this service's own");
            assertThat(http.get("/api/search?q=raii")
                            .json()
                            .path("hits")
                            .get(0)
                            .path("anchor")
                            .asText())
                    .isEqualTo("11-raii");
            Http.Reply graph = http.get("/api/concepts?q=raii");
            assertThat(graph.status()).isEqualTo(503);
            assertThat(graph.assertCleanJson().json().path("error").asText()).isEqualTo("graph_unavailable");
            assertThat(http.get("/api/graph/stats").status()).isEqualTo(503);
            assertThat(cpp.service().reindexer().pendingGraph())
                    .as("the graph waits, unwritten")
                    .isTrue();
        }
        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(cppState.resolve("neo4j"), 0)) {
            assertThat(conceptIds(store.boltUri().toString(), store.authToken()))
                    .as("nothing was written")
                    .isEmpty();
        }
    }

    private void writeCppGuide() throws IOException {
        Files.writeString(cppCorpus.resolve("cpp.md"), CPP_GUIDE);
        Files.writeString(cppData.resolve("concepts.json"), CPP_CONCEPTS);
    }

    private static ServiceConfig config(Path corpus, Path data, Path state) {
        return ServiceConfig.forTests(corpus, data, state)
                .withWeb(WebConfig.defaults().withRateLimit(0, 1));
    }

    private static List<String> ids(JsonNode lookup) {
        List<String> ids = new ArrayList<>();
        lookup.path("concepts").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static List<String> conceptIds(String bolt, AuthToken auth) {
        try (Driver driver = GraphDatabase.driver(bolt, auth)) {
            return driver.executableQuery("MATCH (c:Concept) RETURN c.id AS id").execute().records().stream()
                    .map(r -> r.get("id").asString())
                    .toList();
        }
    }
}
