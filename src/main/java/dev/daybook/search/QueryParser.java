package dev.daybook.search;

import dev.daybook.model.ChangeType;
import dev.daybook.model.Severity;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 * A word like {@code note:x} whose prefix is not a field is an ordinary word. Filter values:
 * {@code repo:owner/name} (also {@code repo:name} or {@code repo:owner}), {@code severity:high|medium|low}
 * (高/中/低 too), {@code type:} a change-type key ({@code fix}, {@code feat}, {@code doc},
 * {@code tests}, {@code performance} are understood), {@code author:name} (a whole name in quotes or
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

  private static final Map<String, String> TYPE_ALIASES = Map.of("fix", "bugfix", "feat",
      "feature", "performance", "perf", "doc", "docs", "tests", "test");
  private static final Map<String, String> SEVERITY_ALIASES =
      Map.of("高", "high", "中", "medium", "低", "low");
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
      throw new QuerySyntaxException("the query is " + text.length()
          + " characters long; at most " + MAX_LENGTH + " are allowed", 0);
    }
    if (text.isBlank()) {
      throw new QuerySyntaxException("the query is empty", 0);
    }
    QueryParser p = new QueryParser(text);
    SearchQuery q = p.or();
    p.skipSpace();
    if (p.pos < text.length()) {
      // or() stops only at ')' when not inside brackets.
      throw new QuerySyntaxException("')' at column " + (p.pos + 1)
          + " closes no '('", p.pos + 1);
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
        throw new QuerySyntaxException("OR at column " + orColumn
            + " needs something to search for on both sides", orColumn);
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
      throw new QuerySyntaxException("OR at column " + start
          + " needs something to search for on both sides", start);
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
        throw new QuerySyntaxException("empty brackets at column " + pos, pos);
      }
      throw new QuerySyntaxException("')' at column " + start + " closes no '('", start);
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
        throw new QuerySyntaxException("brackets nested more than " + MAX_DEPTH
            + " deep at column " + column, column);
      }
      pos++;
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == ')') {
        throw new QuerySyntaxException("empty brackets at column " + column, column);
      }
      if (pos == text.length()) {
        throw new QuerySyntaxException("'(' at column " + column + " is never closed", column);
      }
      SearchQuery inner = or();
      skipSpace();
      if (pos == text.length()) {
        throw new QuerySyntaxException("'(' at column " + column + " is never closed", column);
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
    if (colon > 0 && FIELDS.contains(word.substring(0, colon).toLowerCase(Locale.ROOT))) {
      String field = word.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = word.substring(colon + 1);
      if (value.isEmpty() && pos < text.length() && text.charAt(pos) == '"') {
        value = quoted();
      }
      return filter(field, value, column, word.substring(0, colon + 1));
    }
    return new SearchQuery.Words(word, column);
  }

  /** Reads "..." at pos and returns what is inside. */
  private String quoted() throws QuerySyntaxException {
    int column = pos + 1;
    int close = text.indexOf('"', pos + 1);
    if (close < 0) {
      throw new QuerySyntaxException("the quote at column " + column + " is never closed",
          column);
    }
    String inside = text.substring(pos + 1, close);
    pos = close + 1;
    return inside;
  }

  private SearchQuery filter(String field, String raw, int column, String written)
      throws QuerySyntaxException {
    String value = raw.strip();
    if (value.isEmpty()) {
      throw new QuerySyntaxException(written + " at column " + column + " needs a value, e.g. "
          + example(field), column);
    }
    String shown = written + raw;
    switch (field) {
      case "severity" -> {
        String key = SEVERITY_ALIASES.getOrDefault(value, value);
        Optional<Severity> s = Severity.fromKey(key);
        if (s.isEmpty()) {
          throw new QuerySyntaxException(shown + " at column " + column
              + ": the severity is high, medium or low", column);
        }
        return new SearchQuery.Filter(field, s.get().key(), null, column);
      }
      case "type" -> {
        String key = value.toLowerCase(Locale.ROOT);
        Optional<ChangeType> t = ChangeType.fromKey(TYPE_ALIASES.getOrDefault(key, key));
        if (t.isEmpty()) {
          throw new QuerySyntaxException(shown + " at column " + column + ": the type is one of "
              + Arrays.stream(ChangeType.values()).map(ChangeType::key)
                  .collect(Collectors.joining(", ")), column);
        }
        return new SearchQuery.Filter(field, t.get().key(), null, column);
      }
      case "path" -> {
        String p = SearchIndex.normalizePath(value);
        if (p.isEmpty()) {
          throw new QuerySyntaxException(shown + " at column " + column
              + " needs a value, e.g. " + example(field), column);
        }
        return new SearchQuery.Filter(field, p, null, column);
      }
      case "sha" -> {
        String sha = value.toLowerCase(Locale.ROOT);
        if (!SHA.matcher(sha).matches()) {
          throw new QuerySyntaxException(shown + " at column " + column
              + ": a SHA is 4 to 40 hex digits", column);
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

  private SearchQuery date(String value, int column, String shown) throws QuerySyntaxException {
    int dots = value.indexOf("..");
    if (dots < 0) {
      LocalDate[] range = day(value, column, shown);
      return new SearchQuery.Filter("date", range[0].toString(), range[1].toString(), column);
    }
    String from = value.substring(0, dots);
    String to = value.substring(dots + 2);
    if (from.isEmpty() && to.isEmpty() || to.contains("..")) {
      throw new QuerySyntaxException(shown + " at column " + column
          + ": a date range is FROM..TO, e.g. date:2026-02..2026-03", column);
    }
    String f = from.isEmpty() ? "" : day(from, column, shown)[0].toString();
    String t = to.isEmpty() ? "~" : day(to, column, shown)[1].toString();
    if (!from.isEmpty() && !to.isEmpty() && f.compareTo(t) > 0) {
      throw new QuerySyntaxException(shown + " at column " + column
          + ": the range ends before it starts", column);
    }
    return new SearchQuery.Filter("date", f, t, column);
  }

  /** The first and last day of YYYY, YYYY-MM or YYYY-MM-DD. */
  private static LocalDate[] day(String value, int column, String shown)
      throws QuerySyntaxException {
    Matcher m = DAY.matcher(value);
    if (!m.matches()) {
      throw new QuerySyntaxException(shown + " at column " + column + ": '" + value
          + "' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY, or a range FROM..TO", column);
    }
    int year = Integer.parseInt(m.group(1));
    try {
      if (m.group(2) == null) {
        return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
      }
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        throw new QuerySyntaxException(shown + " at column " + column + ": there is no month "
            + month + " (months are 01 to 12)", column);
      }
      YearMonth ym = YearMonth.of(year, month);
      if (m.group(3) == null) {
        return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
      }
      LocalDate d = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
      return new LocalDate[] {d, d};
    } catch (DateTimeException e) {
      throw new QuerySyntaxException(shown + " at column " + column + ": '" + value
          + "' is not a day of the calendar", column);
    }
  }

  private static String example(String field) {
    return switch (field) {
      case "repo" -> "repo:sgl-project/sglang";
      case "severity" -> "severity:high";
      case "type" -> "type:bugfix";
      case "author" -> "author:\"Alison Shao\"";
      case "path" -> "path:python/sglang/jit_kernel";
      case "date" -> "date:2026-02-06 or date:2026-02..2026-03";
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
