package org.guidesearch.graph.store;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the graph lives: an external Neo4j ({@code uri} set) or an embedded one in {@code embeddedDir}.
 *
 * @param uri         an external server, or null to start the embedded one
 * @param user        user for the external server
 * @param password    password for the external server, or null for none
 * @param database    the database to read and write
 * @param embeddedDir the embedded store's folder (used when {@code uri} is null)
 * @param boltPort    the embedded store's Bolt port on 127.0.0.1; 0 picks a free one
 */
public record GraphStoreSettings(
        URI uri, String user, String password, String database, Path embeddedDir, int boltPort) {
    public GraphStoreSettings {
        database = database == null || database.isBlank() ? "neo4j" : database;
        if (uri == null && embeddedDir == null) {
            throw new IllegalArgumentException("either an external uri or an embedded folder is needed");
        }
        if (boltPort < 0 || boltPort > 65535) throw new IllegalArgumentException("bolt port out of range: " + boltPort);
    }

    public boolean embedded() {
        return uri == null;
    }
}
