package org.guidesearch.graph.read;

import java.util.List;

/** A section related to another: by the concepts they share (strongest first) and whether one links to the other. */
public record RelatedSection(
        String doc, String anchor, String title, double weight, List<String> sharedConcepts, boolean linked) {}
