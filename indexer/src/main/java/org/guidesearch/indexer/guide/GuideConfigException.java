package org.guidesearch.indexer.guide;

/** A manifest that cannot be used as written; the message names the file or field and how to fix it. */
public final class GuideConfigException extends RuntimeException {
    public GuideConfigException(String message) {
        super(message);
    }

    public GuideConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
