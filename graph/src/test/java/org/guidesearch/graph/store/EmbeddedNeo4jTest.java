package org.guidesearch.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

/** The embedded store is its folder's own: a password only the owner can read, and an identity the store keeps. */
class EmbeddedNeo4jTest {
    @TempDir
    Path folder;

    @Test
    void theFirstStartWritesAPasswordOnlyItsOwnerCanReadAndAStoreIdentityThatRestartsKeep() throws Exception {
        String id;
        String password;
        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(folder, 0)) {
            id = store.storeId();
            password = store.password();
            assertThat(Files.readString(folder.resolve("password")).strip()).isEqualTo(password);
            assertThat(Files.readString(folder.resolve("store-id")).strip()).isEqualTo(id);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("password"))))
                    .isEqualTo("rw-------");
            assertThat(identityNode(store, store.authToken())).isEqualTo(id);
            assertThatThrownBy(() -> identityNode(store, AuthTokens.none()))
                    .isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> identityNode(store, AuthTokens.basic("neo4j", "neo4j")))
                    .isInstanceOf(AuthenticationException.class);
        }
        try (EmbeddedNeo4j again = EmbeddedNeo4j.start(folder, 0)) {
            assertThat(again.password()).isEqualTo(password);
            assertThat(identityNode(again, again.authToken())).isEqualTo(id);
        }
    }

    @Test
    void aStoreWhosePasswordFileWentTakesANewPasswordAndTheOldOneNoLongerOpensIt() throws Exception {
        String old;
        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(folder, 0)) {
            old = store.password();
        }
        Files.delete(folder.resolve("password"));
        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(folder, 0)) {
            assertThat(store.password()).isNotEqualTo(old);
            assertThat(identityNode(store, store.authToken())).isEqualTo(store.storeId());
            assertThatThrownBy(() -> identityNode(store, AuthTokens.basic("neo4j", old)))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void aTakenPortIsReportedWithThePort() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = squatter.getLocalPort();
            assertThatThrownBy(() -> EmbeddedNeo4j.start(folder, port))
                    .isInstanceOf(BoltPortTakenException.class)
                    .hasMessageContaining("Bolt port " + port + " ")
                    .hasMessageContaining("NEO4J_BOLT_PORT");
        }
    }

    private static String identityNode(EmbeddedNeo4j store, AuthToken auth) {
        try (Driver driver = GraphDatabase.driver(store.boltUri(), auth)) {
            return driver.executableQuery("MATCH (i:StoreIdentity) RETURN i.id AS id")
                    .execute()
                    .records()
                    .get(0)
                    .get("id")
                    .asString();
        }
    }
}
