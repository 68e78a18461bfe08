package org.guidesearch.server.serving;

import org.guidesearch.indexer.guide.Guide;
import org.guidesearch.indexer.query.SectionSearcher;

/**
 * One guide as the service serves it: its own Lucene index and searcher (so adding a guide never changes another's
 * ranking), its re-indexer, and the prefix that makes its concept ids unique in the shared graph.
 *
 * @param conceptIdPrefix empty for the first guide (so single-guide URLs keep working), else {@code "<id>:"}
 */
public record ServedGuide(Guide guide, String conceptIdPrefix, SectionSearcher searcher, Reindexer reindexer) {
    public String id() {
        return guide.id();
    }

    /** The last successful re-index of this guide, or null before the first. */
    public IndexSnapshot snapshot() {
        return reindexer.snapshot();
    }

    /** Whether the concept id belongs to this guide. */
    public boolean owns(String conceptId) {
        return conceptIdPrefix.isEmpty() ? conceptId.indexOf(':') < 0 : conceptId.startsWith(conceptIdPrefix);
    }
}
