package org.guidesearch.indexer.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionSplitterTest {
    private final SectionSplitter splitter = new SectionSplitter();

    @Test
    void aCommentInAFencedPythonBlockIsNotAHeading() {
        List<Section> sections = splitter.split("part1.md", """
            ## 1.1. Running Code

            Some prose.

            ```python
            # this is a comment, not a heading
            x = 1
            ```
            """, 0);
        assertThat(sections).extracting(Section::anchor).containsExactly("11-running-code");
        assertThat(sections.get(0).code()).contains("# this is a comment, not a heading");
        assertThat(sections.get(0).prose()).isEqualTo("Some prose.");
    }

    @Test
    void rawHtmlBlocksGiveTheirTextAndNeitherTagsNorComments() {
        List<Section> sections = splitter.split("events.md", """
            ## emitter.once(eventName, listener)

            <!-- YAML
            added: v0.3.0
            -->

            Adds a one-time listener.

            <div><p>Why once?</p><p>So that it runs &amp; goes.</p></div>
            """, 0);
        assertThat(sections.get(0).prose())
                .isEqualTo("Adds a one-time listener.\nWhy once? So that it runs & goes.")
                .doesNotContain("YAML", "<", "-->");
    }

    @Test
    void repeatedHeadingsGetNumberedSuffixes() {
        List<Section> sections = splitter.split("part5.md", """
            # Part V
            ## Key Takeaways
            text
            ## Key Takeaways
            text
            ## Key Takeaways
            text
            """, 0);
        assertThat(sections)
                .extracting(Section::anchor)
                .containsExactly("part-v", "key-takeaways", "key-takeaways-1", "key-takeaways-2");
    }

    @Test
    void tableOfContentsHeadingsTakePartInNumberingButAreNavigation() {
        List<Section> sections = splitter.split("part5.md", """
            # Part V
            ## Table of Contents
            #### [13. Concurrency](#13-concurrency-1)
            - [13.1. The GIL](#131-the-gil)
            ## 13. Concurrency
            Intro.
            ## 13.1. The GIL
            The lock.
            ### A `sys.settrace` Detail
            More.
            """, 0);
        assertThat(sections)
                .extracting(Section::anchor)
                .containsExactly(
                        "part-v",
                        "table-of-contents",
                        "13-concurrency",
                        "13-concurrency-1",
                        "131-the-gil",
                        "a-syssettrace-detail");
        assertThat(sections.get(2).role()).isEqualTo(SectionRole.NAVIGATION);
        Section gil = sections.get(4);
        assertThat(gil.parent()).isEqualTo("13-concurrency-1");
        assertThat(gil.breadcrumb()).containsExactly("Part V", "13. Concurrency");
        assertThat(sections.get(5).title()).isEqualTo("A sys.settrace Detail");
        assertThat(sections.get(5).parent()).isEqualTo("131-the-gil");
    }

    @Test
    void frontMatterIsNotText() {
        List<Section> sections = splitter.split("part1.md", """
            ---
            layout: default
            title: Python Under The Hood Part I
            ---

            [..](./index.md)

            # Part I
            Welcome.
            """, 0);
        assertThat(sections).hasSize(1);
        assertThat(sections.get(0).fullText()).doesNotContain("layout").doesNotContain("Python Under The Hood Part I");
        assertThat(sections.get(0).prose()).isEqualTo("Welcome.");
    }

    @Test
    void keyTakeawaysIsASummaryAndWhereToGoNextIsNavigation() {
        List<Section> sections =
                splitter.split("p.md", "# P\n## Key Takeaways\nx\n## Where to Go Next\n- [a](./b.md#c)\n", 0);
        assertThat(sections)
                .extracting(Section::role)
                .containsExactly(SectionRole.CONTENT, SectionRole.SUMMARY, SectionRole.NAVIGATION);
        assertThat(sections.get(2).links()).containsExactly(new SectionRef("b.md", "c"));
    }

    @Test
    void aTableOfContentsEntryDescribesTheSectionItLinksTo() {
        var synopses = splitter.synopses("part5.md", """
        ## Table of Contents
        - **[13.1. The GIL](#131-the-gil)** - Explains the lock's role in CPython and its cost.
        - **[13.2. Threads](#132-threads)**
        """);
        assertThat(synopses).containsOnlyKeys(new SectionRef("part5.md", "131-the-gil"));
        assertThat(synopses.get(new SectionRef("part5.md", "131-the-gil")))
                .isEqualTo("Explains the lock's role in CPython and its cost.");
    }

    @Test
    void aHeadingLosesItsNumberWithOrWithoutTheLastDot() {
        assertThat(Section.withoutNumber("13.1. The Frame Cache")).isEqualTo("The Frame Cache");
        assertThat(Section.withoutNumber("9.1 The Frame Cache")).isEqualTo("The Frame Cache");
        assertThat(Section.withoutNumber("A.2. Layers")).isEqualTo("Layers");
        assertThat(Section.withoutNumber("3 Ways to Cache")).isEqualTo("3 Ways to Cache");
        assertThat(Section.withoutNumber("A Tour")).isEqualTo("A Tour");
    }
}
