package dev.daybook.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the query language of {@code daybook search} (and, later, of the search page):
 *
 * <pre>
 * query    := or EOF
 * or       := and ( "OR" and )*          OR in capitals; anything else is a word
 * and      := unary+                     juxtaposed items must all match
 * unary    := "-" primary | primary      "-x" excludes; a lone "-" is an ordinary word
 * primary  := "(" or ")" | phrase | filter | word
 * phrase   := '"' any text but '"' '"'
 * filter   := FIELD ":" ( value | phrase )
 * FIELD    := repo | severity | type | author | path | date | sha   (any case)
 * word     := a run of characters other than white space, '(', ')' and '"'
 * </pre>
 *
 * A word {@code name:value} whose name is letters but no field ({@code sev:high}) is an error
 * that names the closest field ({@link Closest}); one whose value is empty or starts with ':' or
 * '/' ({@code fix:}, {@code std::move}, {@code https://...}) is an ordinary word. Filter values:
 * {@code repo:owner/name} (also {@code repo:name} or {@code repo:owner}), {@code severity:} and
 * {@code type:} a value or any word of its labels, in Chinese or English ({@link ArchiveWords}:
 * {@code severity:高}, {@code type:修复}, {@code type:fix}; a value that names several types,
 * such as {@code type:构}, matches any of them), {@code author:name} (a whole name in quotes or
 * one word of it), {@code path:} a path, a leading directory or a trailing part of one,
 * {@code date:} {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}, or a range {@code FROM..TO} of
 * those, either end open ({@code 2026-02-05..}), {@code sha:} a SHA or its prefix of 4+ hex digits.
 * A query is at most {@value #MAX_LENGTH} characters and {@value #MAX_DEPTH} brackets deep.
 */
public final class QueryParser {

  public static final int MAX_LENGTH = 1000;
  public static final int MAX_DEPTH = 16;

  static final List<String> FIELDS =
      List.of("repo", "severity", "type", "author", "path", "date", "sha");

  /** The fields as an error message lists them. */
  private static final List<String> WRITTEN_FIELDS = FIELDS.stream().map(f -> f + ":").toList();
  /** What may be the name of a filter that does not exist. */
  private static final Pattern FILTER_NAME = Pattern.compile("[A-Za-z]+");
  private static final Pattern DAY = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{4,40}");

  private final String text;
  private int pos;
  private int depth;

  private QueryParser(String text) {
    this.text = text;
  }

  public static SearchQuery parse(String text) throws QuerySyntaxException {
    if (text.length() > MAX_LENGTH) {
      throw new QuerySyntaxException(QueryMessage.TOO_LONG, 0, text.length(), MAX_LENGTH);
    }
    if (text.isBlank()) {
      throw new QuerySyntaxException(QueryMessage.EMPTY, 0);
    }
    QueryParser p = new QueryParser(text);
    SearchQuery q = p.or();
    p.skipSpace();
    if (p.pos < text.length()) {
      // or() stops only at ')' when not inside brackets.
      throw new QuerySyntaxException(QueryMessage.UNOPENED, p.pos + 1, p.pos + 1);
    }
    return q;
  }

  private SearchQuery or() throws QuerySyntaxException {
    int start = peekStart();
    List<SearchQuery> alternatives = new ArrayList<>();
    alternatives.add(and());
    while (atOr()) {
      int orColumn = pos + 1;
      pos += 2;
      skipSpace();
      if (pos == text.length() || text.charAt(pos) == ')' || atOr()) {
        throw new QuerySyntaxException(QueryMessage.OR_ALONE, orColumn, orColumn);
      }
      alternatives.add(and());
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new SearchQuery.Or(alternatives,
        start);
  }

  private SearchQuery and() throws QuerySyntaxException {
    skipSpace();
    int start = pos + 1;
    if (atOr()) {
      throw new QuerySyntaxException(QueryMessage.OR_ALONE, start, start);
    }
    List<SearchQuery> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos == text.length() || text.charAt(pos) == ')' || atOr()) {
        break;
      }
      items.add(unary());
    }
    if (items.isEmpty()) {
      if (pos < text.length() && text.charAt(pos) == ')' && depth > 0) {
        throw new QuerySyntaxException(QueryMessage.EMPTY_BRACKETS, pos, pos);
      }
      throw new QuerySyntaxException(QueryMessage.UNOPENED, start, start);
    }
    return items.size() == 1 ? items.get(0) : new SearchQuery.And(items, start);
  }

  private SearchQuery unary() throws QuerySyntaxException {
    int column = pos + 1;
    if (text.charAt(pos) == '-' && pos + 1 < text.length() && !isSpace(text.charAt(pos + 1))
        && text.charAt(pos + 1) != ')') {
      pos++;
      return new SearchQuery.Not(primary(), column);
    }
    return primary();
  }

  private SearchQuery primary() throws QuerySyntaxException {
    int column = pos + 1;
    char c = text.charAt(pos);
    if (c == '(') {
      if (++depth > MAX_DEPTH) {
        throw new QuerySyntaxException(QueryMessage.TOO_DEEP, column, MAX_DEPTH, column);
      }
      pos++;
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == ')') {
        throw new QuerySyntaxException(QueryMessage.EMPTY_BRACKETS, column, column);
      }
      if (pos == text.length()) {
        throw new QuerySyntaxException(QueryMessage.UNCLOSED, column, column);
      }
      SearchQuery inner = or();
      skipSpace();
      if (pos == text.length()) {
        throw new QuerySyntaxException(QueryMessage.UNCLOSED, column, column);
      }
      pos++; // ')'
      depth--;
      return inner;
    }
    if (c == '"') {
      return new SearchQuery.Phrase(quoted(), column);
    }
    int start = pos;
    while (pos < text.length() && isWordChar(text.charAt(pos))) {
      pos++;
    }
    String word = text.substring(start, pos);
    int colon = word.indexOf(':');
    if (colon > 0) {
      String name = word.substring(0, colon);
      String value = word.substring(colon + 1);
      boolean quotedValue = value.isEmpty() && pos < text.length() && text.charAt(pos) == '"';
      if (FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
        return filter(name.toLowerCase(Locale.ROOT), quotedValue ? quoted() : value, column,
            name + ":");
      }
      if (FILTER_NAME.matcher(name).matches() && (quotedValue
          || !value.isEmpty() && value.charAt(0) != ':' && value.charAt(0) != '/')) {
        String closest = Closest.of(name, FIELDS);
        throw new QuerySyntaxException(QueryMessage.UNKNOWN_FILTER, column, word, column,
            name + ":", WRITTEN_FIELDS).suggesting(closest == null ? null : closest + ":" + value);
      }
    }
    return new SearchQuery.Words(word, column);
  }

  /** Reads "..." at pos and returns what is inside. */
  private String quoted() throws QuerySyntaxException {
    int column = pos + 1;
    int close = text.indexOf('"', pos + 1);
    if (close < 0) {
      throw new QuerySyntaxException(QueryMessage.UNCLOSED_QUOTE, column, column);
    }
    String inside = text.substring(pos + 1, close);
    pos = close + 1;
    return inside;
  }

  private SearchQuery filter(String field, String raw, int column, String written)
      throws QuerySyntaxException {
    String value = raw.strip();
    if (value.isEmpty()) {
      throw new QuerySyntaxException(QueryMessage.NEEDS_VALUE, column, written, column,
          example(field));
    }
    String shown = written + raw;
    switch (field) {
      case "severity" -> {
        return named(field, ArchiveWords.SEVERITIES, QueryMessage.BAD_SEVERITY, value, column,
            shown, written);
      }
      case "type" -> {
        return named(field, ArchiveWords.TYPES, QueryMessage.BAD_TYPE, value, column, shown,
            written);
      }
      case "path" -> {
        String p = SearchIndex.normalizePath(value);
        if (p.isEmpty()) {
          throw new QuerySyntaxException(QueryMessage.NEEDS_VALUE, column, shown, column,
              example(field));
        }
        return new SearchQuery.Filter(field, p, null, column);
      }
      case "sha" -> {
        String sha = value.toLowerCase(Locale.ROOT);
        if (!SHA.matcher(sha).matches()) {
          throw new QuerySyntaxException(QueryMessage.BAD_SHA, column, shown, column);
        }
        return new SearchQuery.Filter(field, sha, null, column);
      }
      case "date" -> {
        return date(value, column, shown);
      }
      default -> {
        return new SearchQuery.Filter(field, SearchIndex.keyword(value), null, column);
      }
    }
  }

  /**
   * A severity or type filter: the values the written one names ({@link ArchiveWords}), any of
   * them when it names several; an error listing them all when it names none.
   */
  private static SearchQuery named(String field, List<ArchiveWords.Value> values,
      QueryMessage bad, String value, int column, String shown, String written)
      throws QuerySyntaxException {
    List<SearchQuery> filters = ArchiveWords.named(values, value).stream()
        .map(key -> (SearchQuery) new SearchQuery.Filter(field, key, null, column)).toList();
    if (filters.isEmpty()) {
      String closest = Closest.of(value, ArchiveWords.candidates(values));
      throw new QuerySyntaxException(bad, column, shown, column,
          (QuerySyntaxException.Localized) language -> ArchiveWords.known(values, language))
          .suggesting(closest == null ? null : written + (closest.contains(" ")
              ? "\"" + closest + "\"" : closest));
    }
    return filters.size() == 1 ? filters.get(0) : new SearchQuery.Or(filters, column);
  }

  private SearchQuery date(String value, int column, String shown) throws QuerySyntaxException {
    int dots = value.indexOf("..");
    if (dots < 0) {
      LocalDate[] range = day(value, column, shown);
      return new SearchQuery.Filter("date", range[0].toString(), range[1].toString(), column);
    }
    String from = value.substring(0, dots);
    String to = value.substring(dots + 2);
    if (from.isEmpty() && to.isEmpty() || to.contains("..")) {
      throw new QuerySyntaxException(QueryMessage.RANGE_FORM, column, shown, column);
    }
    String f = from.isEmpty() ? "" : day(from, column, shown)[0].toString();
    String t = to.isEmpty() ? "~" : day(to, column, shown)[1].toString();
    if (!from.isEmpty() && !to.isEmpty() && f.compareTo(t) > 0) {
      throw new QuerySyntaxException(QueryMessage.RANGE_BACKWARDS, column, shown, column);
    }
    return new SearchQuery.Filter("date", f, t, column);
  }

  /** The first and last day of YYYY, YYYY-MM or YYYY-MM-DD. */
  private static LocalDate[] day(String value, int column, String shown)
      throws QuerySyntaxException {
    Matcher m = DAY.matcher(value);
    if (!m.matches()) {
      throw new QuerySyntaxException(QueryMessage.NOT_A_DATE, column, shown, column, value);
    }
    int year = Integer.parseInt(m.group(1));
    try {
      if (m.group(2) == null) {
        return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
      }
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        throw new QuerySyntaxException(QueryMessage.NO_MONTH, column, shown, column, month);
      }
      YearMonth ym = YearMonth.of(year, month);
      if (m.group(3) == null) {
        return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
      }
      LocalDate d = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
      return new LocalDate[] {d, d};
    } catch (DateTimeException e) {
      throw new QuerySyntaxException(QueryMessage.NO_DAY, column, shown, column, value);
    }
  }

  /** An example of a filter, for a message: the same in both languages. */
  private static String example(String field) {
    return switch (field) {
      case "repo" -> "repo:sgl-project/sglang";
      case "severity" -> "severity:high";
      case "type" -> "type:bugfix";
      case "author" -> "author:\"Alison Shao\"";
      case "path" -> "path:python/sglang/jit_kernel";
      case "date" -> "date:2026-02-06";
      default -> "sha:3d68bd9";
    };
  }

  private boolean atOr() {
    return text.startsWith("OR", pos) && (pos + 2 == text.length()
        || isSpace(text.charAt(pos + 2)) || text.charAt(pos + 2) == '(' 
        || text.charAt(pos + 2) == '"')
        && (pos == 0 || !isWordChar(text.charAt(pos - 1)));
  }

  private int peekStart() {
    skipSpace();
    return pos + 1;
  }

  private void skipSpace() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isWordChar(char c) {
    return !isSpace(c) && c != '(' && c != ')' && c != '"';
  }
}
