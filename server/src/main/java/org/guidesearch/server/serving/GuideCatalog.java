package org.guidesearch.server.serving;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guides the service serves, in manifest order; the first is the one a {@code doc}/{@code anchor} without a
 * guide refers to. Thread-safe: the list never changes, each guide's state is swapped atomically by its re-indexer.
 */
public final class GuideCatalog {
    private final List<ServedGuide> guides;
    private volatile List<IndexSnapshot> generation = List.of();

    public GuideCatalog(List<ServedGuide> guides) {
        if (guides.isEmpty()) throw new IllegalArgumentException("a catalog needs at least one guide");
        this.guides = List.copyOf(guides);
    }

    public List<ServedGuide> all() {
        return guides;
    }

    public ServedGuide first() {
        return guides.get(0);
    }

    public boolean several() {
        return guides.size() > 1;
    }

    public Optional<ServedGuide> find(String id) {
        return guides.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The guide a concept id belongs to. */
    public Optional<ServedGuide> ownerOf(String conceptId) {
        return guides.stream().filter(g -> g.owns(conceptId)).findFirst();
    }

    /** Whether every guide has finished its first index and its searcher is open. */
    public boolean ready() {
        return guides.stream()
                .allMatch(g -> g.snapshot() != null && g.searcher().isOpen());
    }

    public boolean pendingGraph() {
        return guides.stream().anyMatch(g -> g.reindexer().pendingGraph());
    }

    public int sections() {
        return guides.stream()
                .filter(g -> g.searcher().isOpen())
                .mapToInt(g -> g.searcher().size())
                .sum();
    }

    /**
     * An object that stays the same (by identity) until any guide is re-indexed: what cached answers are keyed by.
     */
    public Object generation() {
        List<IndexSnapshot> seen = generation;
        boolean same = seen.size() == guides.size();
        for (int i = 0; same && i < guides.size(); i++)
            same = seen.get(i) == guides.get(i).snapshot();
        if (same) return seen;
        List<IndexSnapshot> now = new ArrayList<>(guides.size());
        guides.forEach(g -> now.add(g.snapshot()));
        List<IndexSnapshot> fresh = java.util.Collections.unmodifiableList(now);
        generation = fresh;
        return fresh;
    }

    /** Re-indexes every guide in order; the first failure stops it (guides already done keep their new state). */
    public List<IndexSnapshot> reindexAll() throws IOException {
        List<IndexSnapshot> out = new ArrayList<>();
        for (ServedGuide g : guides) out.add(g.reindexer().reindex());
        return out;
    }

    /** Writes any graph that could not be written earlier; true when the store holds every guide's graph. */
    public boolean flushPendingGraphs() {
        boolean all = true;
        for (ServedGuide g : guides) all &= g.reindexer().flushPendingGraph();
        return all;
    }
}
