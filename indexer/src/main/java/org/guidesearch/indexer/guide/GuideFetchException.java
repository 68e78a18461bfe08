package org.guidesearch.indexer.guide;

/** No usable copy of a guide anywhere; the message says where it looked, what failed and how to fix it. */
public final class GuideFetchException extends java.io.IOException {
    public GuideFetchException(String message) {
        super(message);
    }
}
