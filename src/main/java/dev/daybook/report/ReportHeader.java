package dev.daybook.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JBake header at the top of a report: {@code key=value} lines ended by {@code ~~~~~~}. JBake
 * silently skips a file without {@code type} and {@code status}, so every report carries both.
 *
 * @param values the keys in the order they were read or are to be written
 */
public record ReportHeader(Map<String, String> values) {

  public static final String TERMINATOR = "~~~~~~";

  public static final String TITLE = "title";
  public static final String DATE = "date";
  public static final String TYPE = "type";
  public static final String STATUS = "status";
  public static final String FORMAT = "daybook.format";
  public static final String LOCALE = "daybook.locale";
  public static final String TIMEZONE = "daybook.timezone";
  public static final String REPOS = "daybook.repos";
  public static final String COMMITS = "daybook.commits";
  public static final String PARTIAL_AS_OF = "daybook.partial-as-of";

  /** The JBake content type of a daily report; its template is {@code report.ftl}. */
  public static final String REPORT_TYPE = "report";

  public ReportHeader {
    values = new LinkedHashMap<>(values);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The header key of a severity's count, e.g. {@code daybook.high}. */
  public static String countKey(dev.daybook.model.Severity severity) {
    return "daybook." + severity.key();
  }

  String render() {
    StringBuilder out = new StringBuilder();
    values.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    return out.append(TERMINATOR).append('\n').toString();
  }
}
