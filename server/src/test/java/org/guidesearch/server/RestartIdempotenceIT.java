package org.guidesearch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import org.guidesearch.graph.store.GraphVersion;
import org.guidesearch.graph.store.StoreIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * A re-index and a second start on the same state rewrite the graph to the same counts: nothing is duplicated in
 * Lucene or Neo4j. The store would skip a graph it already holds, so the test forgets the {@link GraphVersion}
 * before each rewrite and checks that the rewrite happened.
 */
class RestartIdempotenceIT {
    @TempDir
    static Path state;

    @Test
    void aSecondStartFindsTheSameSectionAndConceptCounts() throws Exception {
        JsonNode firstStats;
        int firstSections;
        ZonedDateTime firstWrite;
        try (RunningService first = RunningService.start(state)) {
            firstStats = first.get("/api/graph/stats").json();
            firstSections = sections(first);
            firstWrite = writtenAt(first);
            forgetGraphVersion(first);
            first.service().reindexer().reindex();
            ZonedDateTime rewrite = writtenAt(first);
            assertThat(rewrite).as("the re-index rewrote the graph").isAfter(firstWrite);
            assertThat(first.get("/api/graph/stats").json()).isEqualTo(firstStats);
            firstWrite = rewrite;
            forgetGraphVersion(first);
        }
        try (RunningService second = RunningService.start(state)) {
            assertThat(writtenAt(second))
                    .as("the second start rewrote the graph")
                    .isAfter(firstWrite);
            assertThat(second.get("/api/graph/stats").json()).isEqualTo(firstStats);
            assertThat(sections(second)).isEqualTo(firstSections);
        }
        assertThat(firstStats.path("concepts").asInt()).isGreaterThan(80);
        assertThat(firstStats.path("sections").asInt()).isEqualTo(firstSections);
    }

    private static int sections(RunningService service) throws Exception {
        return service.get("/health")
                .json()
                .path("components")
                .path("search")
                .path("sections")
                .asInt();
    }

    /** When the service's graph was last written, as its {@link GraphVersion} node says; fails if there is none. */
    private static ZonedDateTime writtenAt(RunningService service) throws Exception {
        try (Driver driver = storeOf(service)) {
            return driver.executableQuery(
                            "MATCH (v:GraphVersion {id: 'python-under-the-hood'}) RETURN v.writtenAt AS at")
                    .execute()
                    .records()
                    .get(0)
                    .get("at")
                    .asZonedDateTime();
        }
    }

    private static void forgetGraphVersion(RunningService service) throws Exception {
        try (Driver driver = storeOf(service)) {
            new GraphVersion(driver, "neo4j", "python-under-the-hood").forget();
        }
    }

    /** The service's embedded store, over the Bolt address its health check reports. */
    private static Driver storeOf(RunningService service) throws Exception {
        String bolt = service.get("/health")
                .json()
                .path("components")
                .path("graph")
                .path("store")
                .asText();
        return GraphDatabase.driver(
                bolt, StoreIdentity.ofFolder(state.resolve("neo4j")).authToken());
    }
}
