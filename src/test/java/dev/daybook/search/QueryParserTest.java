package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daybook.model.Language;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** Titles say "fix: ...", code says std::move, addresses https://...: words, not filters. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fix:", "std::move", "https://github.com/sgl-project", "10:30",
      "v1:x", "torch.compile:x", "缓存:x"})
  void aColonWithoutAFilterNameAndValueIsPartOfAWord(String word) throws Exception {
    assertThat(QueryParser.parse(word)).isEqualTo(new SearchQuery.Words(word, 1));
  }

  @Test
  void anUnknownFilterIsAnErrorThatNamesTheClosestInTheSitesLanguage() {
    QuerySyntaxException e = error("cache sev:high");
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.message(Language.EN)).isEqualTo("sev:high at column 7: sev: is not a filter"
        + " (the filters are repo:, severity:, type:, author:, path:, date:, sha:); did you mean"
        + " severity:high?");
    assertThat(e.message(Language.ZH)).isEqualTo("第 7 列的 sev:high：sev: 不是筛选条件（可用的有"
        + " repo:、severity:、type:、author:、path:、date:、sha:）；是不是想写 severity:high？");
    assertThat(error("auther:alison").message(Language.EN))
        .endsWith("; did you mean author:alison?");
    assertThat(error("Tpye:fix").message(Language.EN)).endsWith("; did you mean type:fix?");
    assertThat(error("note:\"a b\"").message(Language.EN))
        .startsWith("note: at column 1: note: is not a filter (").doesNotContain("did you");
  }

  /** The words the site shows for types and severities, in Chinese and in English. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "type:修复 | bugfix", "type:Bug | bugfix", "type:\"Bug 修复\" | bugfix",
      "type:\"bug fix\" | bugfix", "type:功能 | feature", "type:功能增强 | feature",
      "type:Feature | feature", "type:features | feature", "type:文档 | docs",
      "type:Documentation | docs", "type:性能 | perf", "type:Performance | perf",
      "type:测试 | test", "type:Tests | test", "type:回滚 | revert", "type:CI | ci",
      "severity:高 | high", "severity:High | high", "severity:中 | medium", "severity:LOW | low"})
  void typeAndSeverityTakeTheArchivesOwnWords(String query, String key) throws Exception {
    SearchQuery.Filter f = (SearchQuery.Filter) QueryParser.parse(query);
    assertThat(f.value()).isEqualTo(key);
    assertThat(f.field()).isEqualTo(query.substring(0, query.indexOf(':')));
  }

  @Test
  void aValueThatNamesSeveralTypesMatchesAnyOfThem() throws Exception {
    // 构 is a word of both 重构 (refactoring) and 构建 (build).
    assertThat(QueryParser.parse("type:构")).isEqualTo(new SearchQuery.Or(List.of(
        new SearchQuery.Filter("type", "refactor", null, 1),
        new SearchQuery.Filter("type", "build", null, 1)), 1));
  }

  @Test
  void aBadTypeListsTheTypesAndSuggestsTheClosest() {
    QuerySyntaxException e = error("type:修理");
    assertThat(e.message(Language.ZH)).isEqualTo("第 1 列的 type:修理：变更类型只有 功能增强（feature）、"
        + "Bug 修复（bugfix）、性能优化（perf）、重构（refactor）、文档更新（docs）、测试（test）、CI（ci）、"
        + "构建（build）、回滚（revert）、杂项（chore）；是不是想写 type:修复？");
    assertThat(e.message(Language.EN)).isEqualTo("type:修理 at column 1: the type is one of"
        + " feature, bugfix, perf, refactor, docs, test, ci, build, revert, chore; did you mean"
        + " type:修复?");
    assertThat(error("type:bgu").message(Language.EN)).endsWith("; did you mean type:Bug?");
    assertThat(error("severity:hgih").message(Language.ZH))
        .isEqualTo("第 1 列的 severity:hgih：重要程度只有 高（high）、中（medium）、低（low）；"
            + "是不是想写 severity:high？");
    assertThat(error("severity:urgent").message(Language.EN))
        .isEqualTo("severity:urgent at column 1: the severity is one of high, medium, low");
  }

  /** Every message in Chinese too, with the column where the English has it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "add \"hicache | 第 5 列的引号没有闭合",
      "repo: | 第 1 列的 repo: 缺少值，例如 repo:sgl-project/sglang",
      "date:2026-13 | 第 1 列的 date:2026-13：没有 13 月（月份是 01 到 12）",
      "date:2026-02-30 | 第 1 列的 date:2026-02-30：日历上没有 '2026-02-30' 这一天",
      "date:yesterday | 第 1 列的 date:yesterday：'yesterday' 不是日期；请写 YYYY-MM-DD、YYYY-MM 或"
          + " YYYY，或者范围 FROM..TO",
      "date:2026-03..2026-02 | 第 1 列的 date:2026-03..2026-02：范围的结束早于开始",
      "date:.. | 第 1 列的 date:..：日期范围写作 FROM..TO，例如 date:2026-02..2026-03",
      "(cache jit | 第 1 列的 '(' 没有闭合",
      "cache) | 第 6 列的 ')' 没有对应的 '('",
      "a () | 第 3 列的括号里是空的",
      "cache OR | 第 7 列的 OR 两边都要有要搜索的内容",
      "sha:xyz | 第 1 列的 sha:xyz：SHA 是 4 到 40 位十六进制数字",
      "   | 查询是空的"})
  void everyMessageIsInChineseOnAChineseSite(String query, String message) {
    assertThat(error(query == null ? "   " : query).message(Language.ZH)).isEqualTo(message);
  }

  @Test
  void whatAQueryBringsIntoAMessageIsNotFilledInAgain() {
    assertThat(error("date:{1}{0}").message(Language.EN))
        .startsWith("date:{1}{0} at column 1: '{1}{0}' is not a date");
  }

  private static QuerySyntaxException error(String query) {
    try {
      QueryBuilder.build(QueryParser.parse(query));
    } catch (QuerySyntaxException e) {
      return e;
    }
    throw new AssertionError("no error for " + query);
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
      "severity:urgent | 1 | the severity is one of high, medium, low",
      "type:nope | 1 | the type is one of feature, bugfix, perf, refactor, docs, test, ci, build,"
          + " revert, chore",
      "cache sev:high | 7 | sev: is not a filter",
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
    assertThat(error("the of AND").message(Language.ZH)).isEqualTo("没有可搜索的内容：\"the\"、"
        + "\"of\"、\"AND\" 太常见而不入索引（停用词），或者根本不是词语");
  }

  @Test
  void htmlIsJustWords() throws Exception {
    QueryBuilder.Built built = QueryBuilder.build(
        QueryParser.parse("<script>alert(1)</script> <b>cache</b>"));
    assertThat(built.highlightTerms()).containsExactlyInAnyOrder("script", "alert", "1", "b",
        "cach");
  }
}
