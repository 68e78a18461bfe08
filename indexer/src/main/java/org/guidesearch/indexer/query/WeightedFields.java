package org.guidesearch.indexer.query;

import java.util.List;

/**
 * The fields a query's words are searched in, each with the weight its score counts with.
 *
 * @param fields at least one; the first is where {@link WordsInFields} keeps its model query
 */
record WeightedFields(List<Field> fields) {
    /** A field and its weight. */
    record Field(String name, float boost) {}

    WeightedFields {
        if (fields.isEmpty()) throw new IllegalArgumentException("no field to search");
        fields = List.copyOf(fields);
    }

    String first() {
        return fields.get(0).name();
    }

    /** The same fields in the same order, with {@code field} weighed {@code boost}. */
    WeightedFields with(String field, float boost) {
        return new WeightedFields(fields.stream()
                .map(f -> f.name().equals(field) ? new Field(field, boost) : f)
                .toList());
    }
}
