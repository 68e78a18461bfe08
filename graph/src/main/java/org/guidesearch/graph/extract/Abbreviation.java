package org.guidesearch.graph.extract;

/** A short form and the long form it abbreviates, as the text pairs them: "Time To Live (TTL)". */
record Abbreviation(String shortForm, String longForm) {}
