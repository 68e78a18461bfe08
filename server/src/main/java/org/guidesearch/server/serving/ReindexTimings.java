package org.guidesearch.server.serving;

/** How long the parts of one re-index took, in milliseconds; graphMs is -1 when the graph was not written. */
public record ReindexTimings(
        long readMs, long indexMs, long graphMs, int sections, int concepts, int mentions, int relations) {}
