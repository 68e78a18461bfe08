package org.guidesearch.server.api;

import org.guidesearch.indexer.search.SectionSearcher;
import org.guidesearch.server.app.IndexSnapshot;
import org.guidesearch.server.app.Reindexer;

/** Guards the routes that need a finished first index. */
final class Ready {
  private Ready() {}

  static IndexSnapshot snapshot(Reindexer reindexer, SectionSearcher searcher) {
    IndexSnapshot snapshot = reindexer.snapshot();
    if (snapshot == null || !searcher.isOpen()) {
      throw new ApiException(503, "not_ready", "the guide is still being indexed; retry in a few seconds");
    }
    return snapshot;
  }
}
