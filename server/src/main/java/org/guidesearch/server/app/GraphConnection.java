package org.guidesearch.server.app;

import java.io.IOException;
import java.nio.file.Path;
import java.net.URI;
import org.guidesearch.graph.store.EmbeddedNeo4j;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The driver to the graph store, and the embedded DBMS behind it when no external server is configured. Owns and
 * closes both: the driver first, so the DBMS shuts down with no open Bolt connections.
 */
public final class GraphConnection implements AutoCloseable {
  private final EmbeddedNeo4j embedded;
  private final Driver driver;
  private final URI uri;

  private GraphConnection(EmbeddedNeo4j embedded, Driver driver, URI uri) {
    this.embedded = embedded;
    this.driver = driver;
    this.uri = uri;
  }

  public static GraphConnection open(ServiceConfig config) throws IOException {
    EmbeddedNeo4j embedded = null;
    URI uri = config.neo4jUri();
    AuthToken auth;
    if (config.embeddedNeo4j()) {
      embedded = EmbeddedNeo4j.start(config.stateDir().resolve("neo4j"), config.boltPort());
      uri = embedded.boltUri();
      auth = AuthTokens.none();
    } else {
      auth = config.neo4jPassword() == null ? AuthTokens.none() : AuthTokens.basic(config.neo4jUser(), config.neo4jPassword());
    }
    Config driverConfig = Config.builder()
        .withConnectionTimeout(3, java.util.concurrent.TimeUnit.SECONDS)
        .withMaxConnectionPoolSize(32)
        .withLogging(org.neo4j.driver.Logging.slf4j())
        .build();
    Driver driver = GraphDatabase.driver(uri, auth, driverConfig);
    return new GraphConnection(embedded, driver, uri);
  }

  public Driver driver() {
    return driver;
  }

  public URI uri() {
    return uri;
  }

  public boolean embedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    driver.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
