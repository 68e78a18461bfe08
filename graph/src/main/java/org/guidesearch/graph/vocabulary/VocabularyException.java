package org.guidesearch.graph.vocabulary;

/** The curated vocabulary or relations contradict themselves or the corpus; the message says where and how. */
public final class VocabularyException extends RuntimeException {
    public VocabularyException(String message) {
        super(message);
    }
}
