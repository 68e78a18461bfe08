package org.guidesearch.graph.extract;

/** Where a candidate surface form was seen, most trustworthy first: the order decides which form names a concept. */
enum CandidateSource {
  GLOSSARY,
  HEADING,
  ABBREVIATION,
  BOLD,
  CODE,
  PHRASE
}
