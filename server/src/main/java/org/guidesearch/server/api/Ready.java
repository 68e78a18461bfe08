package org.guidesearch.server.api;

import org.guidesearch.indexer.query.SectionSearcher;
import org.guidesearch.server.serving.IndexSnapshot;
import java.util.function.Supplier;

/** Guards the routes that need a finished first index. */
final class Ready {
  private Ready() {}

  static IndexSnapshot snapshot(Supplier<IndexSnapshot> serving, SectionSearcher searcher) {
    IndexSnapshot snapshot = serving.get();
    if (snapshot == null || !searcher.isOpen()) {
      throw new ApiException(503, "not_ready", "the guide is still being indexed; retry in a few seconds");
    }
    return snapshot;
  }
}
