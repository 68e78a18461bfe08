package org.guidesearch.graph.read;

import java.util.List;

/** What to read, in order, before and to understand a concept: its prerequisites' home sections, then its own. */
public record ReadingList(String id, String name, List<ReadingStep> steps) {}
