package org.guidesearch.indexer.query;

import java.util.List;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The fields a query's words are searched in, each with the weight its score counts with.
 *
 * <p>A word's scores in the fields are added up, each field saturating on its own; or, {@code combined}, the fields
 * are scored as one (BM25F, {@link #combinedQuery}), so that a word repeated in a heading, its breadcrumb and
 * the table of contents' description counts once and saturates once.
 *
 * @param fields     at least one; the first is where {@link WordsInFields} keeps its model query
 * @param combined   whether a single word is scored across the fields as one field
 */
record WeightedFields(List<Field> fields, boolean combined) {
    /** A field and its weight. */
    record Field(String name, float boost) {}

    WeightedFields {
        if (fields.isEmpty()) throw new IllegalArgumentException("no field to search");
        if (fields.stream().anyMatch(f -> !(f.boost() > 0))) throw new IllegalArgumentException("a weight must be > 0");
        fields = List.copyOf(fields);
    }

    /** Fields whose scores are added up. */
    WeightedFields(List<Field> fields) {
        this(fields, false);
    }

    String first() {
        return fields.get(0).name();
    }

    /** The same fields in the same order, with {@code field} weighed {@code boost}. */
    WeightedFields with(String field, float boost) {
        return new WeightedFields(
                fields.stream()
                        .map(f -> f.name().equals(field) ? new Field(field, boost) : f)
                        .toList(),
                combined);
    }

    /** The same fields and weights, a single word scored across them as one field. */
    WeightedFields combinedFields() {
        return new WeightedFields(fields, true);
    }

    /**
     * {@code word} in the fields scored as one field (Lucene's {@link CombinedFieldQuery}): each field's weight
     * multiplies the word's frequency and the field's length there, relative to the lightest field's (the query takes
     * no weight below 1, and only the ratios count). The score is multiplied by the weights' sum, which is what a word
     * found alike in every field scores when the fields' scores are added: the other clauses of a plan (phrases, the
     * exact title) keep their share.
     */
    BoostQuery combinedQuery(BytesRef word) {
        float lightest = Float.MAX_VALUE;
        float sum = 0f;
        for (Field f : fields) {
            lightest = Math.min(lightest, f.boost());
            sum += f.boost();
        }
        CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder();
        for (Field f : fields) combined.addField(f.name(), f.boost() / lightest);
        combined.addTerm(word);
        return new BoostQuery(combined.build(), sum);
    }
}
