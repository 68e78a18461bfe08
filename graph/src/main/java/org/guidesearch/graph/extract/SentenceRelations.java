package org.guidesearch.graph.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.guidesearch.graph.vocabulary.RelationType;

/**
 * Typed relations a sentence states between two concepts it mentions one after the other, read from the words
 * between them (at most {@value #MAX_GAP} tokens, no other concept in between):
 *
 * <ul>
 *   <li>IS_A: "X is a Y", "Y such as X, X2 and X3", "Y, including X", "X and other Y";
 *   <li>PART_OF: "X is part of Y", "Y consists of X";
 *   <li>cue verbs: uses, limits/prevents, enables, optimizes, instead of/alternative to, unlike/vs, implements, and
 *       their passives ("X is used by Y") the other way round.
 * </ul>
 *
 * Only grammatical cue words are listed here, never a term of any subject. Thread-safe.
 */
final class SentenceRelations {
    private static final int MAX_GAP = 6;

    /** A cue between two mentions: the words between them, the type, the direction and how sure it makes us. */
    private record Cue(Pattern gap, RelationType type, boolean reversed, double weight) {}

    private static final String ART = "(?: (?:a|an|the))?";
    /** Words that may stand between a cue and the second concept: no clause may start among them. */
    private static final String WORDS = "(?: (?!that\\b|which\\b|who\\b|where\\b|when\\b|and\\b|or\\b|but\\b)[^ ]+)";

    private static final String ANY = WORDS + "{0,3}";
    private static final List<Cue> CUES = List.of(
            new Cue(
                    Pattern.compile(
                            "^(?:is|are|was)(?: (?:a|an|one of the|a kind of|a type of|a form of|a special kind of"
                                    + "|a specific kind of|a variety of))" + WORDS + "{0,2}$"),
                    RelationType.IS_A,
                    false,
                    0.75),
            new Cue(
                    Pattern.compile("^(?:, ?)?(?:such as|including|especially|e\\.g \\.?,?)$"),
                    RelationType.IS_A,
                    true,
                    0.7),
            new Cue(Pattern.compile("^(?:and|or) other$"), RelationType.IS_A, false, 0.7),
            new Cue(
                    Pattern.compile(
                            "^(?:is|are)(?: (?:a|an|the))? (?:part|component|member|element|piece|stage|phase|layer)"
                                    + " of" + ART + "$"),
                    RelationType.PART_OF,
                    false,
                    0.75),
            new Cue(
                    Pattern.compile("^(?:consists of|is composed of|is made up of|comprises|are made up of|consist of)"
                            + ART + "$"),
                    RelationType.PART_OF,
                    true,
                    0.7),
            new Cue(
                    Pattern.compile("^(?:[^ ]+ ){0,2}(?:implements|implement|implementing|is an implementation of"
                            + "|provides an implementation of)" + ART + "$"),
                    RelationType.IMPLEMENTS,
                    false,
                    0.65),
            new Cue(Pattern.compile("^(?:is|are) implemented by" + ART + "$"), RelationType.IMPLEMENTS, true, 0.65),
            new Cue(Pattern.compile("^(?:is|are) used by" + ART + "$"), RelationType.USES, true, 0.6),
            new Cue(
                    Pattern.compile(
                            "^(?:[^ ]+ ){0,2}(?:uses|use|using|relies on|rely on|relying on|depends on|depend on"
                                    + "|builds on|build on|is built on|are built on|leverages|employs|calls)" + ART
                                    + ANY + "$"),
                    RelationType.USES,
                    false,
                    0.55),
            new Cue(
                    Pattern.compile("^(?:[^ ]+ ){0,2}(?:limits|limit|prevents|prevent|restricts|restrict|blocks|block"
                            + "|serializes|serialises|constrains|hinders|forbids)" + ART + ANY + "$"),
                    RelationType.LIMITS,
                    false,
                    0.6),
            new Cue(
                    Pattern.compile(
                            "^(?:[^ ]+ ){0,2}(?:enables|enable|enabling|allows|allow|lets|makes possible|permits"
                                    + "|powers|unlocks)" + ART + ANY + "$"),
                    RelationType.ENABLES,
                    false,
                    0.55),
            new Cue(
                    Pattern.compile(
                            "^(?:[^ ]+ ){0,2}(?:optimizes|optimize|optimises|optimise|optimizing|speeds up|speed up"
                                    + "|accelerates|accelerate)" + ART + ANY + "$"),
                    RelationType.OPTIMIZES,
                    false,
                    0.6),
            new Cue(
                    Pattern.compile(
                            "^(?:[^ ]+ ){0,2}(?:instead of|alternative to|rather than|in place of|replaces|replace"
                                    + "|as opposed to|an alternative to|alternatives to)" + ART + "$"),
                    RelationType.ALTERNATIVE_TO,
                    false,
                    0.6),
            new Cue(
                    Pattern.compile(
                            "^(?:[^ ]+ ){0,2}(?:unlike|vs \\.?|vs|versus|in contrast to|compared to|compared with"
                                    + "|differs from|differ from|whereas|contrasts with)" + ART + "$"),
                    RelationType.CONTRASTS_WITH,
                    false,
                    0.6));

    private final SpanMatcher matcher;
    private final List<String> ids;

    SentenceRelations(SpanMatcher matcher, List<String> ids) {
        this.matcher = matcher;
        this.ids = List.copyOf(ids);
    }

    void collect(TaggedSection section, RelationCollector into) {
        for (List<TaggedSentence> paragraph : section.paragraphs()) {
            for (TaggedSentence s : paragraph) collect(s, section.id(), into);
        }
        // "X vs. Y" in a heading contrasts the two.
        if (section.section().title().matches("(?i).*\\s(?:vs\\.?|versus)\\s.*")
                && section.headingParts().size() >= 2) {
            List<SpanMatcher.Span> left = matcher.find(section.headingParts().get(0));
            List<SpanMatcher.Span> right = matcher.find(section.headingParts().get(1));
            if (!left.isEmpty() && !right.isEmpty()) {
                into.add(
                        ids.get(left.get(left.size() - 1).concept()),
                        RelationType.CONTRASTS_WITH,
                        ids.get(right.get(0).concept()),
                        0.8,
                        section.id());
            }
        }
    }

    private void collect(TaggedSentence s, String sectionId, RelationCollector into) {
        List<SpanMatcher.Span> spans = matcher.find(s);
        for (int k = 0; k + 1 < spans.size(); k++) {
            SpanMatcher.Span a = spans.get(k);
            SpanMatcher.Span b = spans.get(k + 1);
            if (a.concept() == b.concept() || b.from() - a.to() > MAX_GAP) continue;
            // "Unlike X, Y …": the cue stands before the first mention.
            if (a.from() > 0 && s.tokens().get(a.from() - 1).equalsIgnoreCase("unlike") && (b.from() - a.to()) <= 1) {
                into.add(ids.get(a.concept()), RelationType.CONTRASTS_WITH, ids.get(b.concept()), 0.6, sectionId);
                continue;
            }
            String gap = s.join(a.to(), b.from())
                    .toLowerCase(Locale.ROOT)
                    .replace(" ,", ",")
                    .strip();
            for (Cue cue : CUES) {
                if (!cue.gap().matcher(gap).matches()) continue;
                int from = cue.reversed() ? b.concept() : a.concept();
                int to = cue.reversed() ? a.concept() : b.concept();
                into.add(ids.get(from), cue.type(), ids.get(to), cue.weight(), sectionId);
                // "Y such as A, B and C": every item of the list is a Y.
                if (cue.type() == RelationType.IS_A && cue.reversed()) {
                    for (int m = k + 2; m < spans.size(); m++) {
                        String sep = s.join(spans.get(m - 1).to(), spans.get(m).from())
                                .toLowerCase(Locale.ROOT)
                                .strip();
                        if (!sep.matches(",|, and|and|, or|or|,and")) break;
                        into.add(
                                ids.get(spans.get(m).concept()),
                                RelationType.IS_A,
                                ids.get(a.concept()),
                                cue.weight(),
                                sectionId);
                    }
                }
                break;
            }
        }
    }
}
