package org.guidesearch.graph.extract;

/** Where a candidate surface form was seen, most trustworthy first: the order decides which form names a concept. */
enum CandidateSource {
    GLOSSARY,
    HEADING,
    ABBREVIATION,
    BOLD,
    /** A bold lead-in of a list that reads like a glossary, in a section not named one. */
    LEAD_IN,
    CODE,
    PHRASE
}
