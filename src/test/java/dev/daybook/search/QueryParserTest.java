package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

  @Test
  void wordsAreAllRequired() throws Exception {
    assertThat(QueryParser.parse("hicache jit")).isEqualTo(new SearchQuery.And(List.of(
        new SearchQuery.Words("hicache", 1), new SearchQuery.Words("jit", 9)), 1));
  }

  @Test
  void aPhraseIsWhatIsInsideTheQuotes() throws Exception {
    assertThat(QueryParser.parse("\"radix cache\"")).isEqualTo(
        new SearchQuery.Phrase("radix cache", 1));
  }

  @Test
  void aMinusExcludes() throws Exception {
    assertThat(QueryParser.parse("-diffusion")).isEqualTo(
        new SearchQuery.Not(new SearchQuery.Words("diffusion", 2), 1));
    assertThat(QueryParser.parse("- x")).isEqualTo(new SearchQuery.And(List.of(
        new SearchQuery.Words("-", 1), new SearchQuery.Words("x", 3)), 1));
  }

  @Test
  void orAndBracketsGroup() throws Exception {
    assertThat(QueryParser.parse("type:bugfix (cache OR 缓存)")).isEqualTo(
        new SearchQuery.And(List.of(new SearchQuery.Filter("type", "bugfix", null, 1),
            new SearchQuery.Or(List.of(new SearchQuery.Words("cache", 14),
                new SearchQuery.Words("缓存", 23)), 14)), 1));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "repo:sgl-project/sglang | repo | sgl-project/sglang |",
      "REPO:SGL-Project/SGLang | repo | sgl-project/sglang |",
      "severity:high | severity | high |",
      "severity:高 | severity | high |",
      "type:bugfix | type | bugfix |",
      "type:fix | type | bugfix |",
      "author:\"Alison Shao\" | author | alison shao |",
      "author:alison | author | alison |",
      "path:python/sglang/jit_kernel/ | path | python/sglang/jit_kernel |",
      "path:./Python/sglang | path | python/sglang |",
      "sha:3D68BD9 | sha | 3d68bd9 |",
      "date:2026-02-06 | date | 2026-02-06 | 2026-02-06",
      "date:2026-02 | date | 2026-02-01 | 2026-02-28",
      "date:2024-2 | date | 2024-02-01 | 2024-02-29",
      "date:2026 | date | 2026-01-01 | 2026-12-31",
      "date:2026-02..2026-03 | date | 2026-02-01 | 2026-03-31",
      "date:2026-02-05.. | date | 2026-02-05 | ~",
      "date:..2026-02-05 | date | '' | 2026-02-05"})
  void filtersNormalizeTheirValues(String query, String field, String value, String to)
      throws Exception {
    assertThat(QueryParser.parse(query)).isEqualTo(new SearchQuery.Filter(field, value,
        to == null && field.equals("date") ? "" : to, 1));
  }

  @Test
  void aWordWithAColonThatIsNoFieldIsAWord() throws Exception {
    assertThat(QueryParser.parse("note:x")).isEqualTo(new SearchQuery.Words("note:x", 1));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "add \"hicache | 5 | the quote at column 5 is never closed",
      "author:\"Alison | 8 | the quote at column 8 is never closed",
      "repo: | 1 | repo: at column 1 needs a value, e.g. repo:sgl-project/sglang",
      "cache repo: | 7 | repo: at column 7 needs a value",
      "date:2026-13 | 1 | date:2026-13 at column 1: there is no month 13 (months are 01 to 12)",
      "date:2026-02-30 | 1 | '2026-02-30' is not a day of the calendar",
      "date:yesterday | 1 | 'yesterday' is not a date",
      "date:2026-03..2026-02 | 1 | the range ends before it starts",
      "date:.. | 1 | a date range is FROM..TO",
      "( | 1 | '(' at column 1 is never closed",
      "(cache jit | 1 | '(' at column 1 is never closed",
      "cache) | 6 | ')' at column 6 closes no '('",
      ") | 1 | ')' at column 1 closes no '('",
      "a () | 3 | empty brackets at column 3",
      "OR cache | 1 | OR at column 1 needs something to search for on both sides",
      "cache OR | 7 | OR at column 7 needs something to search for on both sides",
      "severity:urgent | 1 | the severity is high, medium or low",
      "type:nope | 1 | the type is one of feature, bugfix, perf, refactor, docs, test, ci, build,"
          + " revert, chore",
      "sha:xyz | 1 | a SHA is 4 to 40 hex digits"})
  void syntaxErrorsPointAtTheBadPart(String query, int column, String message) {
    assertThatThrownBy(() -> QueryParser.parse(query))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((QuerySyntaxException) e).column()).isEqualTo(column);
  }

  @Test
  void aHugeQueryIsRefusedWholesale() {
    assertThatThrownBy(() -> QueryParser.parse("cache ".repeat(20_000)))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessage("the query is 120000 characters long; at most 1000 are allowed");
  }

  @Test
  void deepBracketsAreRefused() {
    assertThatThrownBy(() -> QueryParser.parse("(".repeat(40) + "x" + ")".repeat(40)))
        .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("nested more than 16");
  }

  @Test
  void anEmptyQueryIsRefused() {
    assertThatThrownBy(() -> QueryParser.parse("   ")).hasMessage("the query is empty");
  }

  @Test
  void stopWordsAloneLeaveNothingToSearchFor() {
    assertThatThrownBy(() -> QueryBuilder.build(QueryParser.parse("the of AND")))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessage("nothing to search for: \"the\", \"of\", \"AND\" are too common to be indexed"
            + " (stop words) or not words at all");
  }

  @Test
  void htmlIsJustWords() throws Exception {
    QueryBuilder.Built built = QueryBuilder.build(
        QueryParser.parse("<script>alert(1)</script> <b>cache</b>"));
    assertThat(built.highlightTerms()).containsExactlyInAnyOrder("script", "alert", "1", "b",
        "cach");
  }
}
