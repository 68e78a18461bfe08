package org.guidesearch.graph.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.guidesearch.graph.model.MentionMatcher;
import org.guidesearch.graph.vocabulary.Concept;
import org.guidesearch.graph.vocabulary.CuratedRelation;
import org.guidesearch.graph.vocabulary.RelationType;
import org.guidesearch.graph.vocabulary.Vocabulary;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.Section;
import org.guidesearch.indexer.corpus.SectionRef;

/**
 * Builds a concept vocabulary and typed relations from a guide's text alone, deterministically: the same corpus gives
 * the same {@link Vocabulary}, element for element. Every concept and relation is {@link Concept#EXTRACTED}.
 *
 * <p>Candidates come from headings, glossary entries, bold phrases, inline code used in two or more sections,
 * abbreviation pairs, and the noun phrases ranked highest by termhood. Candidates merge only on their normalised key
 * ({@link TermKey}) and on explicit abbreviation pairs, so merges never chain through similarity. The vocabulary the
 * extractor returns passes the same checks as a curated one: unique ids, no form owned by two concepts, and every
 * relation evidenced by sections that mention both its ends the way {@link MentionMatcher} finds them.
 *
 * <p>Not thread-safe (the part-of-speech tagger is not); use one instance per thread.
 */
public final class ConceptExtractor {
    /** Raised whenever the extractor's output for the same input may change, so cached results are not reused. */
    public static final String VERSION = "10";

    private static final int MAX_ALIASES = 8;
    private static final int MAX_EVIDENCE = 5;
    private static final int MAX_BOLD_WORDS = 5;
    /** A heading repeated this often is the guide's furniture ("Summary", "Practice Problems"), not a concept it teaches. */
    private static final int STRUCTURAL_HEADING_REPEATS = 3;

    private final SentenceTagger tagger = new SentenceTagger();
    private final NounPhraseChunker chunker = new NounPhraseChunker();
    private final AbbreviationFinder abbreviations = new AbbreviationFinder();
    private final MarkupScanner markupScanner = new MarkupScanner();

    /** Extracts from {@code corpus}, reading the Markdown in {@code folder} again for bold, code and glossaries. */
    public Vocabulary extract(Corpus corpus, Path folder) throws IOException {
        return extract(corpus, markupScanner.scan(folder, corpus));
    }

    Vocabulary extract(Corpus corpus, Markup markup) {
        List<TaggedSection> sections = tagger.readAll(corpus.contentSections());
        CandidatePool pool = new CandidatePool();
        namedByHeading.clear();
        structuralHeadings.clear();
        Map<String, Abbreviation> pairs = abbreviationPairs(sections, markup);
        collectCandidates(sections, markup, pool, pairs);
        Map<String, String> qualified = qualifiedNames(markup, pool);
        Map<String, List<String>> groups = group(pool, selectedKeys(sections, pool), pairs, qualified);
        List<Draft> drafts = name(pool, groups, pairs);
        return new Assembly(corpus, sections, markup, drafts).vocabulary();
    }

    // ---------------------------------------------------------------- candidates

    /** For each short form, its most frequent long form; each long form keeps one short form. */
    private Map<String, Abbreviation> abbreviationPairs(List<TaggedSection> sections, Markup markup) {
        Map<String, Map<String, Integer>> seen = new TreeMap<>();
        for (TaggedSection s : sections) {
            for (String paragraph : SentenceTagger.paragraphs(s.section().prose())) {
                for (Abbreviation a : abbreviations.find(paragraph)) {
                    seen.computeIfAbsent(a.shortForm(), k -> new TreeMap<>()).merge(a.longForm(), 1, Integer::sum);
                }
            }
            for (TaggedSentence part : s.headingParts()) {
                for (Abbreviation a :
                        abbreviations.find(Section.withoutNumber(s.section().title()))) {
                    seen.computeIfAbsent(a.shortForm(), k -> new TreeMap<>()).merge(a.longForm(), 2, Integer::sum);
                }
                break;
            }
        }
        for (GlossaryEntry g : markup.glossary()) {
            if (!g.alias().isEmpty() && AbbreviationFinder.isShortForm(g.alias())) {
                seen.computeIfAbsent(g.alias(), k -> new TreeMap<>()).merge(g.term(), 3, Integer::sum);
            }
        }
        Map<String, Abbreviation> byLongKey = new TreeMap<>();
        Set<String> shortKeys = new HashSet<>();
        seen.forEach((shortForm, longForms) -> {
            String longForm = longForms.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue())
                            .thenComparing(Map.Entry::getKey))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            String longKey = TermKey.of(longForm);
            String shortKey = TermKey.of(shortForm);
            if (longKey.equals(shortKey) || byLongKey.containsKey(longKey) || !shortKeys.add(shortKey)) return;
            byLongKey.put(longKey, new Abbreviation(shortForm, longForm));
        });
        return byLongKey;
    }

    private void collectCandidates(
            List<TaggedSection> sections, Markup markup, CandidatePool pool, Map<String, Abbreviation> pairs) {
        for (GlossaryEntry g : markup.glossary()) {
            pool.add(
                    g.term(),
                    g.named() ? CandidateSource.GLOSSARY : CandidateSource.LEAD_IN,
                    g.section().id());
        }
        for (Abbreviation a : pairs.values()) {
            pool.add(a.longForm(), CandidateSource.ABBREVIATION, null);
            pool.add(a.shortForm(), CandidateSource.ABBREVIATION, null);
        }
        // Whole headings only: a concept often recurs as part of headings ("X and Y", "X as a Z"), furniture as all.
        Map<String, Integer> headingRepeats = new HashMap<>();
        for (TaggedSection s : sections) {
            headingRepeats.merge(TermKey.of(Section.withoutNumber(s.section().title())), 1, Integer::sum);
        }
        headingRepeats.forEach((key, n) -> {
            if (n >= STRUCTURAL_HEADING_REPEATS) structuralHeadings.add(key);
        });
        for (TaggedSection s : sections) {
            for (TaggedSentence part : s.headingParts()) {
                if (chunker.isWholePhrase(part)) pool.add(part.text(), CandidateSource.HEADING, s.id());
            }
            String qualifiedLead = qualifiedHeadingLead(s);
            if (qualifiedLead != null) {
                pool.add(qualifiedLead, CandidateSource.HEADING, s.id(), true);
                namedByHeading.add(TermKey.of(qualifiedLead));
            }
            for (String bold : markup.bold().getOrDefault(s.id(), List.of())) {
                String b = bold.strip().replaceAll("[:.]$", "").strip();
                if (b.isEmpty() || b.split("\\s+").length > MAX_BOLD_WORDS) continue;
                TaggedSentence tagged = tagger.tag(b);
                if (tagged.size() > 0 && chunker.isWholePhrase(tagged)) pool.add(b, CandidateSource.BOLD, s.id());
            }
        }
        codeSections(markup).forEach((code, in) -> {
            if (in.size() >= 2) in.forEach(section -> pool.add(code, CandidateSource.CODE, section));
        });
    }

    /** Keys a heading names as "X (qualifier)": kept even when X is a word prose uses generically. */
    private final Set<String> namedByHeading = new HashSet<>();
    /** Keys of headings the guide repeats as furniture: not concepts, whether found as a heading or in prose. */
    private final Set<String> structuralHeadings = new HashSet<>();

    /**
     * A heading that opens with a short phrase qualified by a parenthesis ("Widgets (v2): …") names that phrase as
     * its subject, even when the phrase is a word that is generic elsewhere; null when the heading is not so shaped.
     */
    private String qualifiedHeadingLead(TaggedSection s) {
        // "15.4 Title" (no dot after the number) keeps its number through Section.withoutNumber.
        String title = Section.withoutNumber(s.section().title()).strip().replaceFirst("^\\d+(\\.\\d+)*\\.?\\s+", "");
        int paren = title.indexOf('(');
        if (paren <= 0 || title.indexOf(')', paren) < 0) return null;
        String lead = title.substring(0, paren).strip();
        if (lead.isEmpty() || lead.split("\\s+").length > 3 || lead.matches(".*[:,;—–].*")) return null;
        if (Stopwords.isStopword(lead.split("\\s+")[0])) return null;
        TaggedSentence tagged = tagger.tag(lead);
        return tagged.size() > 0 && chunker.isWholePhrase(tagged) ? lead : null;
    }

    /** Each identifier written as inline code, with the sections it is written in. */
    private static Map<String, Set<String>> codeSections(Markup markup) {
        Map<String, Set<String>> codeSections = new TreeMap<>();
        markup.code()
                .forEach((section, spans) -> spans.stream()
                        .filter(ConceptExtractor::isIdentifier)
                        .forEach(c -> codeSections
                                .computeIfAbsent(c, k -> new java.util.TreeSet<>())
                                .add(section)));
        return codeSections;
    }

    /**
     * Key of a qualified name written as inline code in two or more sections ({@code a::b}, {@code a.b}) → key of its
     * last part, the name readers also use on its own. The last part is offered as an alias only when it is plainly a
     * name, not a word of prose: it is itself written as inline code, or it is shaped like an identifier (underscore,
     * digit, inner capital). A last part that several qualified names share names none of them.
     */
    private static Map<String, String> qualifiedNames(Markup markup, CandidatePool pool) {
        Map<String, Set<String>> code = codeSections(markup);
        Map<String, Set<String>> qualifiedOfBare = new TreeMap<>();
        Map<String, String> bareSurface = new TreeMap<>();
        code.forEach((c, in) -> {
            if (in.size() < 2) return;
            String name = c.endsWith("()") ? c.substring(0, c.length() - 2) : c;
            int cut = Math.max(name.lastIndexOf("::") + 1, name.lastIndexOf('.'));
            if (cut <= 0) return;
            String bare = name.substring(cut + 1);
            if (bare.length() < 2 || Stopwords.isStopword(bare.toLowerCase(Locale.ROOT))) return;
            boolean plainlyName = code.containsKey(bare)
                    || code.containsKey(bare + "()")
                    || bare.chars().anyMatch(ch -> ch == '_' || Character.isDigit(ch))
                    || bare.substring(1).chars().anyMatch(Character::isUpperCase);
            if (!plainlyName) return;
            qualifiedOfBare
                    .computeIfAbsent(TermKey.of(bare), k -> new TreeSet<>())
                    .add(TermKey.of(c));
            bareSurface.putIfAbsent(TermKey.of(bare), bare);
        });
        Map<String, String> out = new TreeMap<>();
        qualifiedOfBare.forEach((bareKey, qualifiedKeys) -> {
            if (qualifiedKeys.size() != 1 || qualifiedKeys.contains(bareKey)) return;
            if (!pool.byKey().containsKey(bareKey)) pool.add(bareSurface.get(bareKey), CandidateSource.CODE, null);
            if (pool.byKey().containsKey(bareKey))
                out.put(qualifiedKeys.iterator().next(), bareKey);
        });
        return out;
    }

    /**
     * An inline-code span that names something: one identifier, maybe qualified ({@code a.b}, {@code a::b}), maybe
     * called, maybe decorated.
     */
    static boolean isIdentifier(String code) {
        return code.length() >= 2
                && code.matches("@?[A-Za-z_][A-Za-z0-9_]*((\\.|::)[A-Za-z_][A-Za-z0-9_]*)*(\\(\\))?")
                && !code.matches("[a-z]");
    }

    /**
     * Keys that become concepts: everything a structural source proposed, plus the noun phrases ranked highest by
     * termhood, about one per content section.
     */
    private Set<String> selectedKeys(List<TaggedSection> sections, CandidatePool pool) {
        TermhoodRanker ranker = new TermhoodRanker();
        for (TaggedSection s : sections) {
            for (TaggedSentence part : s.headingParts()) {
                for (var span : chunker.phrases(part)) {
                    String surface = part.join(span.from(), span.to());
                    ranker.count(TermKey.of(surface), s.id());
                    pool.add(surface, CandidateSource.PHRASE, s.id());
                }
            }
            for (List<TaggedSentence> paragraph : s.paragraphs()) {
                for (TaggedSentence sentence : paragraph) {
                    for (var span : chunker.phrases(sentence)) {
                        String surface = sentence.join(span.from(), span.to());
                        ranker.count(TermKey.of(surface), s.id());
                        pool.add(surface, CandidateSource.PHRASE, s.id());
                    }
                }
            }
        }
        Set<String> selected = new LinkedHashSet<>();
        pool.byKey().forEach((key, c) -> {
            if (c.bestSource() != CandidateSource.PHRASE) selected.add(key);
        });
        int budget = Math.max(40, sections.size());
        for (var e : ranker.ranked(sections.size(), 2)) {
            if (budget == 0) break;
            var candidate = pool.byKey().get(e.getKey());
            if (candidate == null || selected.contains(e.getKey())) continue;
            selected.add(e.getKey());
            budget--;
        }
        selected.removeIf(key -> Stopwords.isStopword(key.split(" ")[0])
                || (Stopwords.isGeneric(key) && !namedByHeading.contains(key))
                || structuralHeadings.contains(key));
        return selected;
    }

    /**
     * Selected keys grouped by concept: a short form joins its long form's group, and a qualified name's last part joins
     * the qualified name's group unless another concept of prose already owns it; nothing else merges.
     */
    private Map<String, List<String>> group(
            CandidatePool pool, Set<String> selected, Map<String, Abbreviation> pairs, Map<String, String> qualified) {
        Map<String, List<String>> groups = new TreeMap<>();
        Set<String> absorbed = new HashSet<>();
        for (var e : pairs.entrySet()) {
            String longKey = e.getKey();
            String shortKey = TermKey.of(e.getValue().shortForm());
            if (!selected.contains(longKey) && !selected.contains(shortKey)) continue;
            if (!pool.byKey().containsKey(longKey) || !pool.byKey().containsKey(shortKey)) continue;
            groups.put(longKey, List.of(longKey, shortKey));
            absorbed.add(shortKey);
            absorbed.add(longKey);
        }
        for (var e : qualified.entrySet()) {
            String qualifiedKey = e.getKey();
            String bareKey = e.getValue();
            if (!selected.contains(qualifiedKey) || absorbed.contains(qualifiedKey) || absorbed.contains(bareKey))
                continue;
            var bare = pool.byKey().get(bareKey);
            if (selected.contains(bareKey) && !bare.sources.contains(CandidateSource.CODE)) continue;
            groups.put(qualifiedKey, List.of(qualifiedKey, bareKey));
            absorbed.add(qualifiedKey);
            absorbed.add(bareKey);
        }
        for (String key : selected) {
            if (!absorbed.contains(key) && pool.byKey().containsKey(key)) groups.put(key, List.of(key));
        }
        return groups;
    }

    /** A concept before it has a home, a definition and relations. */
    record Draft(String id, String name, List<String> aliases, String kind, List<String> keys, boolean emphasisOnly) {}

    private List<Draft> name(CandidatePool pool, Map<String, List<String>> groups, Map<String, Abbreviation> pairs) {
        List<Draft> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> ownedForms = new HashSet<>();
        for (var g : groups.entrySet()) {
            CandidatePool.Candidate main = pool.byKey().get(g.getKey());
            String name = main.preferredSurface();
            Map<String, Integer> forms = new TreeMap<>();
            for (String key : g.getValue()) forms.putAll(pool.byKey().get(key).surfaces);
            Abbreviation pair = pairs.get(g.getKey());
            List<String> aliases = new ArrayList<>();
            if (pair != null && g.getValue().size() > 1) aliases.add(pair.shortForm());
            forms.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .filter(f -> !isPluralOf(f, name))
                    .forEach(f -> {
                        if (aliases.size() < MAX_ALIASES
                                && aliases.stream().noneMatch(a -> a.equalsIgnoreCase(f))
                                && !f.equalsIgnoreCase(name)) {
                            aliases.add(f);
                        }
                    });
            List<String> all = new ArrayList<>(aliases);
            all.add(0, name);
            if (ownedForms.contains(name.toLowerCase(Locale.ROOT))) continue;
            aliases.removeIf(a -> ownedForms.contains(a.toLowerCase(Locale.ROOT)));
            ownedForms.add(name.toLowerCase(Locale.ROOT));
            aliases.forEach(a -> ownedForms.add(a.toLowerCase(Locale.ROOT)));
            String id = slug(name);
            if (id.isEmpty()) id = "concept";
            String unique = id;
            for (int n = 2; !ids.add(unique); n++) unique = id + "-" + n;
            String kind = main.bestSource() == CandidateSource.CODE ? "code" : "term";
            boolean emphasisOnly = g.getValue().stream()
                    .map(k -> pool.byKey().get(k).sources)
                    .allMatch(sources -> sources.stream()
                            .allMatch(src -> src == CandidateSource.BOLD
                                    || src == CandidateSource.LEAD_IN
                                    || src == CandidateSource.PHRASE));
            out.add(new Draft(unique, name, aliases, kind, g.getValue(), emphasisOnly));
        }
        return out;
    }

    private static boolean isPluralOf(String form, String name) {
        String f = form.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        return f.equals(n + "s") || f.equals(n + "es");
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    // ---------------------------------------------------------------- assembly

    /** Homes, definitions and relations for the named drafts: one extraction's working state. */
    private final class Assembly {
        private final List<TaggedSection> sections;
        private final Markup markup;
        private final List<Draft> drafts;
        private final List<String> ids;
        private final SpanMatcher spans;
        private final Map<String, Integer> sectionIndex = new HashMap<>();
        /** Per concept, section index → mentions, as {@link MentionMatcher} counts them (what the store will hold). */
        private final List<Map<Integer, Integer>> mentions = new ArrayList<>();

        private final List<Map<String, Integer>> sectionMentions = new ArrayList<>();

        Assembly(Corpus corpus, List<TaggedSection> sections, Markup markup, List<Draft> named) {
            this.sections = sections;
            this.markup = markup;
            for (int i = 0; i < sections.size(); i++)
                sectionIndex.put(sections.get(i).id(), i);
            List<Concept> provisional = named.stream()
                    .map(d -> new Concept(d.id(), d.name(), d.aliases(), d.kind(), "", null, Concept.EXTRACTED))
                    .toList();
            MentionMatcher matcher = new MentionMatcher(provisional);
            Map<String, Map<Integer, Integer>> byConcept = new TreeMap<>();
            for (int i = 0; i < sections.size(); i++) {
                Map<String, Integer> found =
                        matcher.mentions(sections.get(i).section().fullText());
                sectionMentions.add(found);
                int section = i;
                found.forEach((c, n) ->
                        byConcept.computeIfAbsent(c, k -> new TreeMap<>()).put(section, n));
            }
            // A concept no section mentions by its forms cannot be shown anywhere; one that only bold type or a list of
            // bold lead-ins proposed, and only one section mentions, is emphasis, not a concept the guide teaches.
            this.drafts = named.stream()
                    .filter(d -> byConcept.containsKey(d.id()))
                    .filter(d -> !d.emphasisOnly() || byConcept.get(d.id()).size() >= 2)
                    .toList();
            this.ids = drafts.stream().map(Draft::id).toList();
            Map<String, Integer> conceptOfKey = new HashMap<>();
            for (int c = 0; c < drafts.size(); c++) {
                for (String key : drafts.get(c).keys()) conceptOfKey.putIfAbsent(key, c);
                mentions.add(byConcept.get(drafts.get(c).id()));
            }
            this.spans = new SpanMatcher(conceptOfKey);
        }

        Vocabulary vocabulary() {
            int[] home = homes();
            Map<Integer, String> definitions = definitions();
            RelationCollector relations = new RelationCollector();
            SentenceRelations sentenceRelations = new SentenceRelations(spans, ids);
            sections.forEach(s -> sentenceRelations.collect(s, relations));
            headNouns(relations);
            headingNesting(home, relations);
            int[] homeOrder = new int[drafts.size()];
            for (int c = 0; c < drafts.size(); c++)
                homeOrder[c] = sections.get(home[c]).section().order();
            new ReferenceDistance()
                    .collect(
                            mentions,
                            homeOrder,
                            home,
                            ids,
                            sections.stream().map(TaggedSection::id).toList(),
                            relations);
            paragraphs(relations);
            new SectionAssociation()
                    .collect(
                            mentions,
                            sections.size(),
                            ids,
                            sections.stream().map(TaggedSection::id).toList(),
                            relations);

            List<Concept> concepts = new ArrayList<>();
            for (int c = 0; c < drafts.size(); c++) {
                Draft d = drafts.get(c);
                concepts.add(new Concept(
                        d.id(),
                        d.name(),
                        d.aliases(),
                        d.kind(),
                        definitions.getOrDefault(c, ""),
                        sections.get(home[c]).section().ref(),
                        Concept.EXTRACTED));
            }
            concepts.sort(Comparator.comparing(Concept::id));
            return new Vocabulary(concepts, evidenced(relations));
        }

        /** Glossary definitions first, then the first "X is a/an/the …" sentence in reading order. */
        private Map<Integer, String> definitions() {
            Map<String, Integer> conceptOfKey = new HashMap<>();
            for (int c = 0; c < drafts.size(); c++)
                for (String k : drafts.get(c).keys()) conceptOfKey.putIfAbsent(k, c);
            Map<Integer, String> out = new TreeMap<>();
            for (GlossaryEntry g : markup.glossary()) {
                Integer c = conceptOfKey.get(TermKey.of(g.term()));
                if (c != null) out.putIfAbsent(c, g.definition());
            }
            for (TaggedSection s : sections) {
                for (List<TaggedSentence> paragraph : s.paragraphs()) {
                    for (TaggedSentence sentence : paragraph) {
                        List<SpanMatcher.Span> found = spans.find(sentence);
                        if (found.isEmpty()) continue;
                        SpanMatcher.Span first = found.get(0);
                        int start = first.from();
                        if (start > 1
                                || (start == 1
                                        && !NounPhraseChunker.isArticle(
                                                sentence.tokens().get(0)))) continue;
                        if (first.to() + 1 >= sentence.size()) continue;
                        String verb = sentence.tokens().get(first.to()).toLowerCase(Locale.ROOT);
                        String article = sentence.tokens().get(first.to() + 1).toLowerCase(Locale.ROOT);
                        if ((verb.equals("is") || verb.equals("are"))
                                && (article.equals("a") || article.equals("an") || article.equals("the"))) {
                            out.putIfAbsent(first.concept(), sentence.text().strip());
                        }
                    }
                }
            }
            return out;
        }

        /**
         * The section whose heading names the concept (the whole heading or one part of it); else the deepest section
         * whose heading mentions it; else the section that mentions it most densely. Glossaries are a last resort: they
         * define everything and teach nothing.
         */
        private int[] homes() {
            int[] home = new int[drafts.size()];
            Map<String, Integer> conceptOfKey = new HashMap<>();
            for (int c = 0; c < drafts.size(); c++)
                for (String k : drafts.get(c).keys()) conceptOfKey.putIfAbsent(k, c);
            Map<Integer, List<Integer>> named = new HashMap<>();
            Map<Integer, List<Integer>> headingMentions = new HashMap<>();
            Set<Integer> glossaries = new HashSet<>();
            markup.glossary().stream().filter(GlossaryEntry::named).forEach(g -> {
                Integer i = sectionIndex.get(g.section().id());
                if (i != null) glossaries.add(i);
            });
            for (int i = 0; i < sections.size(); i++) {
                TaggedSection s = sections.get(i);
                for (TaggedSentence part : s.headingParts()) {
                    Integer c = conceptOfKey.get(TermKey.of(part.text()));
                    if (c != null)
                        named.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
                    for (SpanMatcher.Span span : spans.find(part)) {
                        headingMentions
                                .computeIfAbsent(span.concept(), k -> new ArrayList<>())
                                .add(i);
                    }
                }
            }
            for (int c = 0; c < drafts.size(); c++) {
                Map<Integer, Integer> m = mentions.get(c);
                int concept = c;
                Comparator<Integer> byMentions = Comparator.<Integer>comparingInt(i -> -m.getOrDefault(i, 0))
                        .thenComparingInt(i -> i);
                List<Integer> candidates = named.getOrDefault(c, List.of()).stream()
                        .filter(i -> m.containsKey(i) && !glossaries.contains(i))
                        .sorted(byMentions)
                        .toList();
                if (candidates.isEmpty()) {
                    candidates = headingMentions.getOrDefault(c, List.of()).stream()
                            .filter(i -> m.containsKey(i) && !glossaries.contains(i))
                            .sorted(Comparator.<Integer>comparingInt(
                                            i -> -sections.get(i).section().level())
                                    .thenComparing(byMentions))
                            .toList();
                }
                if (candidates.isEmpty()) {
                    candidates = m.keySet().stream()
                            .sorted(Comparator.<Integer>comparingDouble(i -> -density(concept, i, glossaries))
                                    .thenComparingInt(i -> i))
                            .toList();
                }
                home[c] = candidates.get(0);
            }
            return home;
        }

        private double density(int concept, int section, Set<Integer> glossaries) {
            double words = sections.get(section).wordCount();
            double score = mentions.get(concept).getOrDefault(section, 0) / Math.sqrt(words + 50);
            return glossaries.contains(section) ? score / 10 : score;
        }

        /** "write-back cache" IS_A "cache": the longest shorter concept that ends the name. */
        private void headNouns(RelationCollector into) {
            Map<String, Integer> conceptOfKey = new HashMap<>();
            for (int c = 0; c < drafts.size(); c++)
                for (String k : drafts.get(c).keys()) conceptOfKey.putIfAbsent(k, c);
            for (int c = 0; c < drafts.size(); c++) {
                String[] words = drafts.get(c).keys().get(0).split(" ");
                for (int from = 1; from < words.length; from++) {
                    Integer general =
                            conceptOfKey.get(String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length)));
                    if (general != null && general != c) {
                        for (Integer s : shared(c, general))
                            into.add(
                                    ids.get(c),
                                    RelationType.IS_A,
                                    ids.get(general),
                                    0.6,
                                    sections.get(s).id());
                        break;
                    }
                }
            }
        }

        /** A concept taught in a subsection of the section that teaches another is PART_OF it. */
        private void headingNesting(int[] home, RelationCollector into) {
            Map<String, Integer> homeOfSection = new TreeMap<>();
            for (int c = 0; c < drafts.size(); c++) {
                TaggedSection s = sections.get(home[c]);
                int concept = c;
                boolean named = s.headingParts().stream()
                        .anyMatch(p -> drafts.get(concept).keys().contains(TermKey.of(p.text())));
                if (named) homeOfSection.putIfAbsent(s.id(), c);
            }
            for (var e : homeOfSection.entrySet()) {
                Section s = sections.get(sectionIndex.get(e.getKey())).section();
                if (s.parent() == null) continue;
                Integer whole = homeOfSection.get(new SectionRef(s.doc(), s.parent()).id());
                if (whole == null || whole.equals(e.getValue())) continue;
                for (Integer shared : shared(e.getValue(), whole)) {
                    into.add(
                            ids.get(e.getValue()),
                            RelationType.PART_OF,
                            ids.get(whole),
                            0.5,
                            sections.get(shared).id());
                }
            }
        }

        private void paragraphs(RelationCollector into) {
            List<Set<Integer>> paragraphs = new ArrayList<>();
            List<String> paragraphSection = new ArrayList<>();
            for (TaggedSection s : sections) {
                for (List<TaggedSentence> paragraph : s.paragraphs()) {
                    Set<Integer> found = new java.util.TreeSet<>();
                    paragraph.forEach(sentence -> spans.find(sentence).forEach(span -> found.add(span.concept())));
                    paragraphs.add(found);
                    paragraphSection.add(s.id());
                }
            }
            new ParagraphCooccurrence().collect(paragraphs, paragraphSection, ids, into);
        }

        /** Sections mentioning both concepts, most mentions first, at most {@value #MAX_EVIDENCE}. */
        private List<Integer> shared(int a, int b) {
            Map<Integer, Integer> ma = mentions.get(a);
            Map<Integer, Integer> mb = mentions.get(b);
            return ma.keySet().stream()
                    .filter(mb::containsKey)
                    .sorted(Comparator.<Integer>comparingInt(i -> -(ma.get(i) + mb.get(i)))
                            .thenComparingInt(i -> i))
                    .limit(MAX_EVIDENCE)
                    .toList();
        }

        /**
         * The relations with evidence the store will accept: sections that mention both ends. A relation that
         * contradicts a stronger one between the same two concepts in the other direction is dropped.
         */
        private List<CuratedRelation> evidenced(RelationCollector relations) {
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < ids.size(); c++) index.put(ids.get(c), c);
            List<CuratedRelation> out = new ArrayList<>();
            for (RelationCollector.Draft d : relations.drafts()) {
                int a = index.get(d.from);
                int b = index.get(d.to);
                List<SectionRef> evidence = d.evidence.stream()
                        .map(sectionIndex::get)
                        .filter(i -> mentions.get(a).containsKey(i)
                                && mentions.get(b).containsKey(i))
                        .sorted(Comparator.<Integer>comparingInt(
                                        i -> -(mentions.get(a).get(i)
                                                + mentions.get(b).get(i)))
                                .thenComparingInt(i -> i))
                        .limit(MAX_EVIDENCE)
                        .map(i -> sections.get(i).section().ref())
                        .toList();
                if (evidence.isEmpty()) continue;
                out.add(new CuratedRelation(d.from, d.type, d.to, evidence, d.confidence(), Concept.EXTRACTED));
            }
            out.sort(Comparator.comparing(CuratedRelation::from)
                    .thenComparing(CuratedRelation::type)
                    .thenComparing(CuratedRelation::to));
            return out;
        }
    }
}
