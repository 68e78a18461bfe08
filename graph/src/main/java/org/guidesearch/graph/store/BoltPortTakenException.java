package org.guidesearch.graph.store;

import java.io.IOException;

/**
 * The Bolt port the embedded store was told to use is held by another process (another guide-search, a Neo4j
 * Desktop). A start-up error, not a reason to retry: retrying would only wait on someone else's server.
 */
public final class BoltPortTakenException extends IOException {
    private final int port;

    public BoltPortTakenException(int port, Throwable cause) {
        super(
                "Bolt port " + port + " on 127.0.0.1 is already in use by another process (another guide-search or a "
                        + "Neo4j server?), so the embedded graph store cannot listen there. Set NEO4J_BOLT_PORT (--bolt-port) to a "
                        + "free port, or leave it unset to use any free port.",
                cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
