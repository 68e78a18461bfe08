package org.guidesearch.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryShapeTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "why does the kettle whistle",
                "how to descale a kettle", // asks from its first word
                "kettle?", // a question mark
                "what is oolong",
                "steeping leaves in water that boiled", // four words or more, with function words
                "brew time for green tea",
            })
    void questionsAreQuestions(String query) {
        assertThat(QueryShape.isQuestion(query)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kettle",
                "green tea",
                "kettle descale citric",
                "kettle descale citric vinegar limescale element", // a list of names, however long
                "  ",
            })
    void keywordListsAreNot(String query) {
        assertThat(QueryShape.isQuestion(query)).isFalse();
    }

    @Test
    void aQuestionIsSearchedForByWhatItIsAbout() {
        assertThat(QueryShape.keywordsOf("Why does the kettle whistle?")).isEqualTo("kettle whistle?");
        assertThat(QueryShape.keywordsOf("how does it work")).isEqualTo("work");
        assertThat(QueryShape.keywordsOf("what is this")).isEqualTo("what is this"); // nothing else: as it is
        assertThat(QueryShape.keywordsOf("the kettle")).isEqualTo("the kettle"); // not a question
    }
}
