package org.guidesearch.graph.extract;

import java.util.List;
import java.util.Map;

/**
 * What plain section text loses: per section id, the bold phrases and inline-code spans, and the guide's glossary
 * entries.
 */
record Markup(Map<String, List<String>> bold, Map<String, List<String>> code, List<GlossaryEntry> glossary) {
    Markup {
        bold = Map.copyOf(bold);
        code = Map.copyOf(code);
        glossary = List.copyOf(glossary);
    }

    static Markup none() {
        return new Markup(Map.of(), Map.of(), List.of());
    }
}
