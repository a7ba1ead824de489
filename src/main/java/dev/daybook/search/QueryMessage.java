package dev.daybook.search;

import dev.daybook.model.Language;
import java.util.List;

/**
 * What can be wrong with a query, and what a search says of its results, in the site's two
 * languages. {@code {0}}, {@code {1}}, ... are
 * the arguments a {@link QuerySyntaxException} carries. {@code assets/js/search.js} holds the same
 * templates under the same names (its {@code MESSAGES}), so that the search page and {@code
 * daybook search} say the same thing: {@code SearchAgreementTest} compares what both say for
 * every error the page can show, on a Chinese and on an English site.
 */
enum QueryMessage {
  TOO_LONG("the query is {0} characters long; at most {1} are allowed",
      "查询有 {0} 个字符，最多只能有 {1} 个"),
  EMPTY("the query is empty", "查询是空的"),
  OR_ALONE("OR at column {0} needs something to search for on both sides",
      "第 {0} 列的 OR 两边都要有要搜索的内容"),
  EMPTY_BRACKETS("empty brackets at column {0}", "第 {0} 列的括号里是空的"),
  UNOPENED("')' at column {0} closes no '('", "第 {0} 列的 ')' 没有对应的 '('"),
  TOO_DEEP("brackets nested more than {0} deep at column {1}",
      "第 {1} 列的括号嵌套超过了 {0} 层"),
  UNCLOSED("'(' at column {0} is never closed", "第 {0} 列的 '(' 没有闭合"),
  UNCLOSED_QUOTE("the quote at column {0} is never closed", "第 {0} 列的引号没有闭合"),
  NEEDS_VALUE("{0} at column {1} needs a value, e.g. {2}", "第 {1} 列的 {0} 缺少值，例如 {2}"),
  UNKNOWN_FILTER("{0} at column {1}: {2} is not a filter (the filters are {3})",
      "第 {1} 列的 {0}：{2} 不是筛选条件（可用的有 {3}）"),
  BAD_REPO("{0} at column {1}: the archive holds no repository {2}; it holds {3}",
      "第 {1} 列的 {0}：归档里没有仓库 {2}；现有的仓库是 {3}"),
  BAD_SEVERITY("{0} at column {1}: the severity is one of {2}",
      "第 {1} 列的 {0}：重要程度只有 {2}"),
  BAD_TYPE("{0} at column {1}: the type is one of {2}", "第 {1} 列的 {0}：变更类型只有 {2}"),
  BAD_SHA("{0} at column {1}: a SHA is 4 to 40 hex digits",
      "第 {1} 列的 {0}：SHA 是 4 到 40 位十六进制数字"),
  NOT_A_DATE("{0} at column {1}: '{2}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY,"
      + " or a range FROM..TO",
      "第 {1} 列的 {0}：'{2}' 不是日期；请写 YYYY-MM-DD、YYYY-MM 或 YYYY，或者范围 FROM..TO"),
  NO_MONTH("{0} at column {1}: there is no month {2} (months are 01 to 12)",
      "第 {1} 列的 {0}：没有 {2} 月（月份是 01 到 12）"),
  NO_DAY("{0} at column {1}: '{2}' is not a day of the calendar",
      "第 {1} 列的 {0}：日历上没有 '{2}' 这一天"),
  RANGE_FORM("{0} at column {1}: a date range is FROM..TO, e.g. date:2026-02..2026-03",
      "第 {1} 列的 {0}：日期范围写作 FROM..TO，例如 date:2026-02..2026-03"),
  RANGE_BACKWARDS("{0} at column {1}: the range ends before it starts",
      "第 {1} 列的 {0}：范围的结束早于开始"),
  NOTHING_ONE("nothing to search for: {0} is too common to be indexed (stop words) or not"
      + " words at all", "没有可搜索的内容：{0} 太常见而不入索引（停用词），或者根本不是词语"),
  NOTHING_MANY("nothing to search for: {0} are too common to be indexed (stop words) or not"
      + " words at all", "没有可搜索的内容：{0} 太常见而不入索引（停用词），或者根本不是词语"),
  /** Added to a message when a known name or value is close to what was written. */
  DID_YOU_MEAN("; did you mean {0}?", "；是不是想写 {0}？"),
  /** Between the items of a list in a message. */
  LIST(", ", "、"),
  /** A query word with no match was read as the closest word of the index ({@code Spelling}). */
  CORRECTED("Showing results for {0}", "显示 {0} 的结果"),
  /** What {@code daybook search} prints above its results: their number and the query. */
  FOUND_ONE("{0} result for {1}", "{1}：共 {0} 条结果"),
  FOUND_MANY("{0} results for {1}", "{1}：共 {0} 条结果"),
  /** Added when fewer results are printed than were found. */
  SHOWING(" (showing {0})", "（显示前 {0} 条）"),
  NOTHING_FOUND("no results for {0}", "{0}：没有结果");

  private final String en;
  private final String zh;

  QueryMessage(String en, String zh) {
    this.en = en;
    this.zh = zh;
  }

  /** The template in a language. */
  String template(Language language) {
    return language == Language.EN ? en : zh;
  }

  /**
   * The template with each {@code {i}} replaced by {@code args[i]}, in one pass: what a query
   * brings into a message (a {@code {1}} of its own) is never replaced in turn.
   */
  String format(Language language, List<String> args) {
    String template = template(language);
    StringBuilder text = new StringBuilder(template.length() + 32);
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}'
          && Character.isDigit(template.charAt(i + 1))) {
        text.append(args.get(template.charAt(i + 1) - '0'));
        i += 2;
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }
}
