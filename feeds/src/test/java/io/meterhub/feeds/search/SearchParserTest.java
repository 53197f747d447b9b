package io.meterhub.feeds.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchParserTest {

    private static Search.Category cat(String term) {
        return new Search.Category(term);
    }

    @Test
    void plusTermsAreAnyOfTheCategories() {
        assertThat(SearchParser.parse("+compute.instance.exists+tid:5914"))
                .isEqualTo(new Search.Or(List.of(cat("compute.instance.exists"), cat("tid:5914"))));
    }

    @Test
    void plusTermsSurviveAQueryStringThatTurnedThePlusesIntoSpaces() {
        assertThat(SearchParser.parse(" cat1 cat2")).isEqualTo(SearchParser.parse("+cat1+cat2"));
    }

    @Test
    void oneTermIsThatCategory() {
        assertThat(SearchParser.parse("+image.upload")).isEqualTo(cat("image.upload"));
        assertThat(SearchParser.parse("(cat=image.upload)")).isEqualTo(cat("image.upload"));
    }

    @Test
    void parsesNestedAndOrNot() {
        assertThat(SearchParser.parse("(AND(cat=a)(OR(cat=b)(cat=c))(NOT(cat=d)))"))
                .isEqualTo(new Search.And(
                        List.of(cat("a"), new Search.Or(List.of(cat("b"), cat("c"))), new Search.Not(cat("d")))));
    }

    @Test
    void allowsWhitespaceBetweenParts() {
        assertThat(SearchParser.parse(" ( AND (cat=a) ( cat=b ) ) "))
                .isEqualTo(new Search.And(List.of(cat("a"), cat("b"))));
    }

    @Test
    void aBackslashEscapesParenthesesAndItselfInsideATerm() {
        assertThat(SearchParser.parse("(cat=a\\)b\\(c\\\\d)")).isEqualTo(cat("a)b(c\\d"));
    }

    @Test
    void textReadsBackToTheSameSearch() {
        Search s =
                new Search.And(List.of(cat("a)b"), new Search.Not(new Search.Or(List.of(cat("x\\y"), cat("tid:1"))))));

        assertThat(s.text()).isEqualTo("(AND(cat=a\\)b)(NOT(OR(cat=x\\\\y)(cat=tid:1))))");
        assertThat(SearchParser.parse(s.text())).isEqualTo(s);
    }

    @Test
    void termsListsEveryCategoryOnce() {
        assertThat(SearchParser.parse("(OR(cat=b)(AND(cat=a)(NOT(cat=b))))").terms())
                .containsExactly("a", "b");
    }

    @Test
    void refusesMalformedSearchesSayingWhere() {
        assertThatThrownBy(() -> SearchParser.parse("(AND(cat=a)"))
                .isInstanceOf(SearchSyntaxException.class)
                .hasMessageContaining("expected ')' but the search ends");
        assertThatThrownBy(() -> SearchParser.parse("(XOR(cat=a))"))
                .hasMessageContaining("expected cat=, AND, OR or NOT at position 2");
        assertThatThrownBy(() -> SearchParser.parse("(NOT(cat=a)(cat=b))"))
                .hasMessageContaining("NOT takes exactly one operand, not 2");
        assertThatThrownBy(() -> SearchParser.parse("(AND)")).hasMessageContaining("expected an operand");
        assertThatThrownBy(() -> SearchParser.parse("(cat=)")).hasMessageContaining("empty category term");
        assertThatThrownBy(() -> SearchParser.parse("(cat=a(b)")).hasMessageContaining("must be escaped");
        assertThatThrownBy(() -> SearchParser.parse("(cat=a)(cat=b)")).hasMessageContaining("after the end");
        assertThatThrownBy(() -> SearchParser.parse("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SearchParser.parse("+ + ")).hasMessageContaining("names no category");
    }

    @Test
    void limitsTermsAndDepth() {
        String many = "+t".repeat(SearchParser.MAX_TERMS + 1);
        assertThatThrownBy(() -> SearchParser.parse(many)).hasMessageContaining("more than 32 categories");
        String deep = "(NOT".repeat(SearchParser.MAX_DEPTH) + "(cat=a)" + ")".repeat(SearchParser.MAX_DEPTH);
        assertThatThrownBy(() -> SearchParser.parse(deep)).hasMessageContaining("nests deeper than 8");
        String deepest = "(NOT".repeat(SearchParser.MAX_DEPTH - 1) + "(cat=a)" + ")".repeat(SearchParser.MAX_DEPTH - 1);
        assertThat(SearchParser.parse(deepest).terms()).containsExactly("a");
    }
}
