package org.guidesearch.graph.vocabulary;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.guidesearch.indexer.corpus.SectionRef;

/**
 * A concept the guide teaches, with every surface form it goes by.
 *
 * @param home the section where the guide teaches it, or null when the vocabulary names none
 * @param source {@value #CURATED} when a person wrote it down, {@value #EXTRACTED} when it was found in the text
 */
public record Concept(
        String id, String name, List<String> aliases, String kind, String definition, SectionRef home, String source) {
    public static final String CURATED = "curated";
    public static final String EXTRACTED = "extracted";

    private static final Pattern ID = Pattern.compile("([a-z0-9][a-z0-9-]*:)?[a-z0-9][a-z0-9-]*");

    public Concept {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (!ID.matcher(id).matches()) {
            throw new VocabularyException("concept id '" + id
                    + "' must be lower-case letters, digits and hyphens (after an optional 'guide:')");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        kind = kind == null ? "concept" : kind;
        definition = definition == null ? "" : definition;
        source = source == null ? CURATED : source;
        if (!source.equals(CURATED) && !source.equals(EXTRACTED)) {
            throw new VocabularyException("concept '" + id + "' has source '" + source + "': curated or extracted");
        }
    }

    /** A curated concept: what the data files hold. */
    public Concept(String id, String name, List<String> aliases, String kind, String definition, SectionRef home) {
        this(id, name, aliases, kind, definition, home, CURATED);
    }

    /** The name first, then the aliases: every form a mention may take. */
    public List<String> surfaceForms() {
        var forms = new java.util.ArrayList<String>();
        forms.add(name);
        aliases.stream()
                .filter(a -> forms.stream().noneMatch(f -> f.equalsIgnoreCase(a)))
                .forEach(forms::add);
        return forms;
    }
}
