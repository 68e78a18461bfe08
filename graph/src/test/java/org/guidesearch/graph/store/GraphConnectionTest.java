package org.guidesearch.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guidesearch.graph.read.ConceptGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** The connection uses only the embedded store that is its own, and a configured Bolt port it cannot have is fatal. */
class GraphConnectionTest {
    @TempDir
    Path folder;

    @Test
    void theStoreItStartedIsReadAndWrittenThroughTheDriver() throws Exception {
        try (GraphConnection connection = GraphConnection.open(embedded(0))) {
            assertThat(connection
                            .driver()
                            .executableQuery("MATCH (i:StoreIdentity) RETURN i.id AS id")
                            .execute()
                            .records()
                            .get(0)
                            .get("id")
                            .asString())
                    .isEqualTo(Files.readString(folder.resolve("store-id")).strip());
            new ConceptGraph(connection.driver(), "neo4j").ping();
        }
    }

    @Test
    void aStoreShowingAnotherIdIsNeitherReadNorWritten() throws Exception {
        EmbeddedNeo4j.start(folder, 0).close();
        Files.writeString(folder.resolve("store-id"), "an-id-from-another-state-folder\n");
        try (GraphConnection connection = GraphConnection.open(embedded(0))) {
            assertThatThrownBy(() -> connection
                            .driver()
                            .executableQuery("CREATE (:Concept {id: 'intruder'})")
                            .execute())
                    .hasRootCauseInstanceOf(GraphUnavailableException.class);
            assertThatThrownBy(() -> new ConceptGraph(connection.driver(), "neo4j").ping())
                    .isInstanceOf(GraphUnavailableException.class)
                    .hasMessageContaining("is not this service's own");
        }
        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(folder, 0);
                Driver driver = GraphDatabase.driver(store.boltUri(), store.authToken())) {
            assertThat(driver.executableQuery("MATCH (c:Concept) RETURN count(c) AS n")
                            .execute()
                            .records()
                            .get(0)
                            .get("n")
                            .asInt())
                    .isZero();
        }
    }

    @Test
    void aConfiguredBoltPortThatIsTakenFailsOpeningWithThePort() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = squatter.getLocalPort();
            assertThatThrownBy(() -> GraphConnection.open(embedded(port)))
                    .isInstanceOf(BoltPortTakenException.class)
                    .hasMessageContaining(String.valueOf(port));
        }
    }

    private GraphStoreSettings embedded(int boltPort) {
        return new GraphStoreSettings(null, null, null, null, folder, boltPort);
    }
}
