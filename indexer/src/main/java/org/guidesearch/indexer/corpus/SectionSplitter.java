package org.guidesearch.indexer.corpus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;

/**
 * Splits one Markdown file into sections, one per heading of level 1–4, with the ids the published site gives them.
 *
 * <p>Ids follow GitHub's rules (commonmark's {@link IdGenerator}): every heading of the file takes part in the
 * numbering of repeated slugs, including those in tables of contents and levels 5–6, because the site numbers them
 * all. The hierarchy follows the guide's numbering rather than raw heading levels: chapters ("## 13.") and their
 * sections ("## 13.1.") share a level in the Markdown, but a section belongs to its chapter.
 *
 * <p>Thread-safe: each call builds its own state.
 */
public final class SectionSplitter {
    private static final int MAX_SECTION_LEVEL = 4;
    private static final Pattern CHAPTER_TITLE = Pattern.compile("^(\\d+|[A-Z])\\.\\s");
    private static final Pattern HEADING_LINK = Pattern.compile("^(?:\\./)?([^/#?]+\\.md)?#(.+)$");
    /** A link to a whole file ("./chapter.md"): recorded with an empty anchor, meaning the file's first section. */
    private static final Pattern FILE_LINK = Pattern.compile("^(?:\\./)?([^/#?:]+\\.md)$");

    private final Parser parser = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create(), TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    private final TextContentRenderer textRenderer = TextContentRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .build();

    /** Splits {@code markdown}, the content of file {@code doc}; orders start at {@code firstOrder}. */
    public List<Section> split(String doc, String markdown, int firstOrder) {
        Node document = parser.parse(markdown);
        IdGenerator ids = IdGenerator.builder().build();
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading) {
                String title = headingText(heading);
                String anchor = ids.generateId(title);
                if (heading.getLevel() <= MAX_SECTION_LEVEL) {
                    current = new Draft(new SectionRef(doc, anchor), title, heading.getLevel(), lineOf(heading));
                    drafts.add(current);
                    collectLinks(doc, heading, current.links);
                    continue;
                }
            }
            if (current == null) {
                continue; // text before the first heading is the site's back-link, not content
            }
            if (block instanceof FencedCodeBlock fenced) {
                current.code.append(fenced.getLiteral()).append('\n');
            } else if (block instanceof IndentedCodeBlock indented) {
                current.code.append(indented.getLiteral()).append('\n');
            } else if (block instanceof HtmlBlock html) {
                // A block of raw HTML: a reader sees its text, not its tags or comments (API docs keep their
                // metadata in comments, "<!-- YAML added: v0.3.0 -->", which would otherwise be a section's
                // opening snippet and a word of every section).
                String text = Jsoup.parseBodyFragment(html.getLiteral()).text().strip();
                if (!text.isEmpty()) current.prose.append(text).append('\n');
            } else if (!(block instanceof org.commonmark.ext.front.matter.YamlFrontMatterBlock)) {
                current.prose.append(textRenderer.render(block).strip()).append('\n');
                collectLinks(doc, block, current.links);
            }
        }
        return link(drafts, firstOrder);
    }

    private List<Section> link(List<Draft> drafts, int firstOrder) {
        List<Section> sections = new ArrayList<>(drafts.size());
        Deque<Draft> open = new ArrayDeque<>();
        int order = firstOrder;
        for (Draft draft : drafts) {
            while (!open.isEmpty() && open.peek().rank >= draft.rank) {
                open.pop();
            }
            Draft parent = open.peek();
            List<String> breadcrumb = new ArrayList<>();
            open.descendingIterator().forEachRemaining(d -> breadcrumb.add(d.title));
            SectionRole role = roleOf(draft.title);
            if (parent != null && parent.role == SectionRole.NAVIGATION) {
                role = SectionRole.NAVIGATION;
            }
            draft.role = role;
            sections.add(new Section(
                    draft.ref,
                    draft.title,
                    draft.level,
                    parent == null ? null : parent.ref.anchor(),
                    breadcrumb,
                    draft.prose.toString().strip(),
                    draft.code.toString().strip(),
                    role,
                    order++,
                    draft.line,
                    draft.links,
                    ""));
            open.push(draft);
        }
        return sections;
    }

    private static SectionRole roleOf(String title) {
        String t = title.strip().toLowerCase(Locale.ROOT);
        if (t.equals("table of contents") || t.equals("contents") || t.startsWith("where to go next")) {
            return SectionRole.NAVIGATION;
        }
        if (t.equals("key takeaways") || t.equals("summary")) {
            return SectionRole.SUMMARY;
        }
        return SectionRole.CONTENT;
    }

    /**
     * The descriptions tables of contents give their entries: a list item that starts with a heading link and goes on
     * with text ("**[4.2. The Frame Cache](#42-…)** - Explains …") describes the linked section in the author's words.
     */
    public Map<SectionRef, String> synopses(String doc, String markdown) {
        Map<SectionRef, String> out = new LinkedHashMap<>();
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(ListItem item) {
                Node paragraph = item.getFirstChild();
                if (paragraph instanceof Paragraph) {
                    Link link = firstLink(paragraph);
                    if (link != null) {
                        Matcher m = HEADING_LINK.matcher(link.getDestination());
                        String linkText = textRenderer.render(link).strip();
                        String all = textRenderer.render(paragraph).strip();
                        int at = all.indexOf(linkText);
                        String rest = at < 0
                                ? ""
                                : all.substring(at + linkText.length())
                                        .replaceFirst("^[\\s\\-–—:]+", "")
                                        .strip();
                        if (m.matches() && rest.length() > 20) {
                            out.putIfAbsent(new SectionRef(m.group(1) == null ? doc : m.group(1), m.group(2)), rest);
                        }
                    }
                }
                visitChildren(item);
            }
        });
        return out;
    }

    private static Link firstLink(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Link link) return link;
            Link nested = child instanceof Text ? null : firstLink(child);
            if (nested != null) return nested;
        }
        return null;
    }

    /** The heading's text as the site's slugger sees it: text and inline code, markup dropped. */
    private static String headingText(Heading heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral());
            }
        });
        return text.toString().strip();
    }

    private static void collectLinks(String doc, Node node, List<SectionRef> into) {
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                Matcher m = HEADING_LINK.matcher(link.getDestination());
                Matcher file = FILE_LINK.matcher(link.getDestination());
                if (m.matches()) {
                    into.add(new SectionRef(m.group(1) == null ? doc : m.group(1), m.group(2)));
                } else if (file.matches()) {
                    into.add(new SectionRef(file.group(1), ""));
                }
                visitChildren(link);
            }
        });
    }

    private static int lineOf(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    /** A section while its text is still being gathered. */
    private static final class Draft {
        final SectionRef ref;
        final String title;
        final int level;
        final int rank;
        final int line;
        final StringBuilder prose = new StringBuilder();
        final StringBuilder code = new StringBuilder();
        final List<SectionRef> links = new ArrayList<>();
        SectionRole role = SectionRole.CONTENT;

        Draft(SectionRef ref, String title, int level, int line) {
            this.ref = ref;
            this.title = title;
            this.level = level;
            this.line = line;
            this.rank = rankOf(level, title);
        }

        /** Chapters ("## 13.") sit above their numbered sections ("## 13.1."), though both are level 2. */
        private static int rankOf(int level, String title) {
            if (level == 1) {
                return 1;
            }
            if (level == 2) {
                return CHAPTER_TITLE.matcher(title).find() ? 2 : 3;
            }
            return level + 1;
        }
    }
}
