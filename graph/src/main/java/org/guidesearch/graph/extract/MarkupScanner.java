package org.guidesearch.graph.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.guidesearch.indexer.corpus.Corpus;
import org.guidesearch.indexer.corpus.Section;

/**
 * Reads the Markdown again for the markup {@link Section} text drops: bold phrases, inline code and glossary entries.
 * A node belongs to the section whose heading is the last one at or above its source line.
 *
 * <p>A glossary is a section whose heading says "glossary", or any list where most items start with a bold term
 * followed by a colon or dash and a definition. Thread-safe: each call builds its own state.
 */
final class MarkupScanner {
    private static final Pattern TERM_WITH_ALIAS = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)$");
    private static final Pattern DEFINITION_START = Pattern.compile("^\\s*[:—–-]\\s*");
    private static final int MIN_GLOSSARY_ITEMS = 4;

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    Markup scan(Path folder, Corpus corpus) throws IOException {
        Map<String, TreeMap<Integer, Section>> byLine = new LinkedHashMap<>();
        for (Section s : corpus.sections())
            byLine.computeIfAbsent(s.doc(), d -> new TreeMap<>()).put(s.line(), s);
        Map<String, List<String>> bold = new TreeMap<>();
        Map<String, List<String>> code = new TreeMap<>();
        List<GlossaryEntry> glossary = new ArrayList<>();
        for (var doc : byLine.entrySet()) {
            Path file = folder.resolve(doc.getKey());
            if (!Files.isRegularFile(file)) continue;
            Node root = parser.parse(Files.readString(file, StandardCharsets.UTF_8));
            TreeMap<Integer, Section> sections = doc.getValue();
            root.accept(new AbstractVisitor() {
                @Override
                public void visit(StrongEmphasis node) {
                    Section s = owner(node, sections);
                    if (s != null && !s.isNavigation() && !(node.getFirstChild() instanceof Link)) {
                        bold.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(plain(node));
                    }
                    visitChildren(node);
                }

                @Override
                public void visit(Code node) {
                    Section s = owner(node, sections);
                    if (s != null && !s.isNavigation() && !(node.getParent() instanceof Heading)) {
                        code.computeIfAbsent(s.id(), k -> new ArrayList<>())
                                .add(node.getLiteral().strip());
                    }
                }

                @Override
                public void visit(BulletList node) {
                    glossaryOf(node, sections, glossary);
                    visitChildren(node);
                }

                @Override
                public void visit(OrderedList node) {
                    glossaryOf(node, sections, glossary);
                    visitChildren(node);
                }
            });
        }
        glossary.sort(
                Comparator.comparing((GlossaryEntry g) -> g.section().id()).thenComparing(GlossaryEntry::term));
        return new Markup(bold, code, glossary);
    }

    private void glossaryOf(Node list, TreeMap<Integer, Section> sections, List<GlossaryEntry> into) {
        Section s = owner(list, sections);
        if (s == null || s.isNavigation()) return;
        boolean namedGlossary = s.title().toLowerCase(Locale.ROOT).contains("glossary");
        List<GlossaryEntry> entries = new ArrayList<>();
        int items = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) continue;
            items++;
            Node para = item.getFirstChild();
            if (!(para instanceof Paragraph) || !(para.getFirstChild() instanceof StrongEmphasis strong)) continue;
            if (strong.getFirstChild() instanceof Link) continue;
            String term = plain(strong).strip();
            StringBuilder rest = new StringBuilder();
            for (Node n = strong.getNext(); n != null; n = n.getNext()) rest.append(plain(n));
            String definition = rest.toString();
            boolean colonInside = term.endsWith(":");
            if (colonInside) term = term.substring(0, term.length() - 1).strip();
            Matcher start = DEFINITION_START.matcher(definition);
            if (!colonInside && !start.find()) continue;
            definition = colonInside
                    ? definition.strip()
                    : definition.substring(start.end()).strip();
            if (term.isEmpty() || definition.isEmpty()) continue;
            Matcher alias = TERM_WITH_ALIAS.matcher(term);
            entries.add(
                    alias.matches()
                            ? new GlossaryEntry(
                                    alias.group(1).strip(), alias.group(2).strip(), definition, s.ref(), namedGlossary)
                            : new GlossaryEntry(term, "", definition, s.ref(), namedGlossary));
        }
        // Outside a section named as one, a list is a glossary only when most of its items define a term.
        if (namedGlossary || (entries.size() >= MIN_GLOSSARY_ITEMS && entries.size() * 4 >= items * 3)) {
            into.addAll(entries);
        }
    }

    private String plain(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                b.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                b.append(c.getLiteral());
            }
        });
        if (node instanceof Text t) return t.getLiteral();
        if (node instanceof Code c) return c.getLiteral();
        return b.toString();
    }

    private static Section owner(Node node, TreeMap<Integer, Section> sections) {
        Node block = node;
        while (block != null && block.getSourceSpans().isEmpty()) block = block.getParent();
        if (block == null) return null;
        List<SourceSpan> spans = block.getSourceSpans();
        var entry = sections.floorEntry(spans.get(0).getLineIndex() + 1);
        return entry == null ? null : entry.getValue();
    }
}
