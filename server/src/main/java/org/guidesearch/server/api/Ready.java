package org.guidesearch.server.api;

import org.guidesearch.server.serving.IndexSnapshot;
import org.guidesearch.server.serving.ServedGuide;

/** Guards the routes that need a guide's finished first index. */
final class Ready {
    private Ready() {}

    static IndexSnapshot snapshot(ServedGuide guide) {
        IndexSnapshot snapshot = guide.snapshot();
        if (snapshot == null || !guide.searcher().isOpen()) {
            throw new ApiException(503, "not_ready", "the guide is still being indexed; retry in a few seconds");
        }
        return snapshot;
    }
}
