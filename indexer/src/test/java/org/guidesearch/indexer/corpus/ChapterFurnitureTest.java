package org.guidesearch.indexer.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChapterFurnitureTest {
    private final SectionSplitter splitter = new SectionSplitter();
    private final ChapterFurniture furniture = new ChapterFurniture();

    /** Three chapters of a made-up guide about gardening, each with a repeated inner heading and a closing one. */
    private List<Section> guide(int chapters, String closing) {
        StringBuilder md = new StringBuilder("# Part I: Soil\n");
        for (int c = 1; c <= chapters; c++) {
            md.append("## ").append(c).append(". Chapter ").append(c).append('\n');
            md.append("## ").append(c).append(".1 Compost\ntext\n### Pitfalls\nover-watering\n");
            md.append("## ").append(c).append(".2 Mulch\ntext\n### 1. First step\ntext\n### 2. Second step\ntext\n");
            md.append("## ").append(closing).append("\nwhat the chapter taught\n### Try it\nan exercise\n");
        }
        List<Section> out = new ArrayList<>(splitter.split("part1.md", md.toString(), 0));
        out.addAll(splitter.split("part2.md", "# Part II: Seeds\n## 4. Sowing\ntext\n", out.size()));
        return furniture.mark(out);
    }

    private static Map<String, SectionRole> roles(List<Section> sections) {
        return sections.stream().collect(Collectors.toMap(Section::anchor, Section::role, (a, b) -> a));
    }

    @Test
    void aHeadingRepeatedAtTheCloseOfEveryChapterIsASummaryWithWhatItHolds() {
        List<Section> sections = guide(3, "Practice Problems");
        assertThat(sections)
                .filteredOn(
                        s -> s.title().equals("Practice Problems") || s.title().equals("Try it"))
                .hasSize(6)
                .allSatisfy(s -> assertThat(s.role()).isEqualTo(SectionRole.SUMMARY));
    }

    @Test
    void aHeadingRepeatedInsideChaptersStaysContent() {
        List<Section> sections = guide(3, "Practice Problems");
        assertThat(sections)
                .filteredOn(s -> s.title().equals("Pitfalls"))
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.role()).isEqualTo(SectionRole.CONTENT));
        assertThat(roles(sections)).containsEntry("11-compost", SectionRole.CONTENT);
    }

    @Test
    void aClosingHeadingSeenTwiceIsNotYetFurniture() {
        assertThat(guide(2, "Practice Problems"))
                .filteredOn(s -> s.title().equals("Practice Problems"))
                .allSatisfy(s -> assertThat(s.role()).isEqualTo(SectionRole.CONTENT));
    }

    @Test
    void numberedStepsInsideASectionDoNotEndItsChapter() {
        // "1. First step" and "2. Second step" repeat in every chapter; the step before a new step is not closing
        assertThat(guide(3, "Practice Problems"))
                .filteredOn(s -> s.title().endsWith("step"))
                .allSatisfy(s -> assertThat(s.role()).isEqualTo(SectionRole.CONTENT));
    }

    @Test
    void navigationKeepsItsRole() {
        List<Section> sections = new ArrayList<>(splitter.split(
                "index.md",
                "# Guide\n## Table of Contents\n- [a](#a)\n## Table of Contents\n## Table of Contents\n",
                0));
        assertThat(furniture.mark(sections))
                .filteredOn(s -> s.title().equals("Table of Contents"))
                .allSatisfy(s -> assertThat(s.role()).isEqualTo(SectionRole.NAVIGATION));
    }
}
