package org.guidesearch.graph.store;

/** The graph store cannot be reached right now; callers answer 503 and retry later. */
public final class GraphUnavailableException extends RuntimeException {
    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
