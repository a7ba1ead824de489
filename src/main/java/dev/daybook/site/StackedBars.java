package dev.daybook.site;

import dev.daybook.model.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Commits stacked by severity as the bars of an inline SVG chart, laid out at build time so the
 * page needs no script: a bar per day, ISO week or month of a stretch of days (the days of a
 * month or a week, the months of a year, a repository's history). Only counts, numbers and dates
 * go in, so nothing a commit says can reach the SVG. Every coordinate is a whole number, so the
 * same counts give the same bytes.
 */
final class StackedBars {

  /** The chart's width in SVG units; the page scales it to its column. */
  static final int WIDTH = 640;
  /** How tall the busiest bar is. */
  static final int PLOT_HEIGHT = 120;
  /** Room left of the bars for the axis numbers. */
  static final int LEFT = 36;
  /** Room above the busiest bar, so its axis number is not cut. */
  static final int TOP = 8;
  /** Room under the bars for their labels. */
  static final int BOTTOM = 26;

  /** The bottom-up order of a bar's parts: the important commits sit on the axis. */
  static final List<Severity> STACK = List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW);

  /** Charts with at most this many bars have a label under each. */
  static final int LABEL_EVERY_BAR = 16;
  /** Month charts with at most this many bars label every third month, longer ones each year. */
  static final int LABEL_QUARTERS = 36;

  /** What a bar counts; its key names the template's words for it ({@code chartTitle.day}). */
  enum Unit {
    DAY("day"),
    WEEK("week"),
    MONTH("month");

    private final String key;

    Unit(String key) {
      this.key = key;
    }

    String key() {
      return key;
    }

    /**
     * The unit that gives a stretch of days enough bars to show a trend and few enough to read:
     * days up to a month, ISO weeks up to half a year, then months.
     */
    static Unit fitting(LocalDate first, LocalDate last) {
      long days = last.toEpochDay() - first.toEpochDay() + 1;
      return days <= 31 ? DAY : days <= 26 * 7 ? WEEK : MONTH;
    }

    /** The first day of the bar that holds a day. */
    LocalDate start(LocalDate day) {
      return this == DAY ? day : period(day).first();
    }

    /** The last day of the bar that begins on {@code start}. */
    LocalDate end(LocalDate start) {
      return this == DAY ? start : period(start).last();
    }

    /** The day of the month, the week of its ISO year, the month of the year. */
    int number(LocalDate start) {
      return this == DAY ? start.getDayOfMonth() : period(start).number();
    }

    /** The bar's name: {@code 2026-02-06}, {@code 2026-W06}, {@code 2026-02}. */
    String key(LocalDate start) {
      return this == DAY ? start.toString() : period(start).id();
    }

    private Period period(LocalDate day) {
      return Period.of(this == WEEK ? Period.Kind.WEEK : Period.Kind.MONTH, day);
    }
  }

  /**
   * One bar's counts.
   *
   * @param number the day of the month, the ISO week of its year or the month of the year
   * @param key what the bar's tooltip names: a date {@code 2026-02-06}, a week {@code 2026-W06}
   *     or a month {@code 2026-02}, or null for a slot without a report (no bar is drawn, but the
   *     slot keeps its place on the axis)
   * @param counts the commits of each severity
   * @param label what is written under the bar (digits only, so in any language), or null
   */
  record Column(int number, String key, Map<Severity, Long> counts, String label) {
    long total() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private StackedBars() {}

  /**
   * A bar per day, week or month from the one that holds {@code first} to the one that holds
   * {@code last}, each the sum of its days from {@code first} to {@code last}.
   *
   * @param day a day's commits of each severity, or null when no report covers the day
   */
  static List<Column> columns(Unit unit, LocalDate first, LocalDate last,
      Function<LocalDate, Map<Severity, Long>> day) {
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate start = unit.start(first); !start.isAfter(last); start = unit.end(start)
        .plusDays(1)) {
      starts.add(start);
    }
    boolean severalYears = starts.get(0).getYear() != last.getYear();
    List<Column> columns = new ArrayList<>();
    for (LocalDate start : starts) {
      Map<Severity, Long> counts = null;
      LocalDate end = unit.end(start).isAfter(last) ? last : unit.end(start);
      for (LocalDate d = start.isBefore(first) ? first : start; !d.isAfter(end);
          d = d.plusDays(1)) {
        Map<Severity, Long> of = day.apply(d);
        if (of != null) {
          if (counts == null) {
            counts = new EnumMap<>(Severity.class);
          }
          for (Map.Entry<Severity, Long> n : of.entrySet()) {
            counts.merge(n.getKey(), n.getValue(), Long::sum);
          }
        }
      }
      int number = unit.number(start);
      String label = label(unit, start, starts.size(), severalYears);
      columns.add(counts == null ? new Column(number, null, Map.of(), label)
          : new Column(number, unit.key(start), counts, label));
    }
    return columns;
  }

  /**
   * What is written under a bar: every bar's number when there are few; else the first of the
   * month and every fifth day or week, and every third month; in a chart of months over several
   * years, each January is written as its year (and only the Januaries when the months are
   * many).
   */
  private static String label(Unit unit, LocalDate start, int bars, boolean severalYears) {
    int number = unit.number(start);
    if (unit == Unit.MONTH && severalYears && number == 1) {
      return Integer.toString(start.getYear());
    }
    if (bars <= LABEL_EVERY_BAR) {
      return Integer.toString(number);
    }
    if (unit == Unit.MONTH) {
      return bars <= LABEL_QUARTERS && number % 3 == 1 ? Integer.toString(number) : null;
    }
    return number == 1 || number % 5 == 0 ? Integer.toString(number) : null;
  }

  /**
   * The chart as template data: what a bar counts ({@code unit}), its size, the busiest bar's
   * count, and per column its place, its label, its counts and the parts of its bar from the axis
   * up ({@code severity}, {@code y}, {@code height}).
   */
  static Map<String, Object> layout(Unit unit, List<Column> columns) {
    long max = columns.stream().mapToLong(Column::total).max().orElse(0);
    int slot = (WIDTH - LEFT) / Math.max(1, columns.size());
    int barWidth = Math.max(1, slot * 7 / 10);
    int baseline = TOP + PLOT_HEIGHT;
    Map<Severity, Long> sums = new EnumMap<>(Severity.class);
    List<Map<String, Object>> bars = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      Map<String, Object> bar = new LinkedHashMap<>();
      bar.put("number", c.number());
      bar.put("x", LEFT + i * slot + (slot - barWidth) / 2);
      bar.put("labelX", LEFT + i * slot + slot / 2);
      if (c.label() != null) {
        bar.put("label", c.label());
      }
      if (c.key() != null) {
        bar.put("key", c.key());
        bar.put("commits", c.total());
        List<Map<String, Object>> parts = new ArrayList<>();
        long below = 0;
        for (Severity s : STACK) {
          long n = c.counts().getOrDefault(s, 0L);
          bar.put(s.key(), n);
          sums.merge(s, n, Long::sum);
          if (n == 0) {
            continue;
          }
          // Rounding the running total, not each part, keeps the bar's top at its total.
          int bottom = scaled(below, max);
          int top = scaled(below + n, max);
          below += n;
          parts.add(Map.of("severity", s.key(), "y", baseline - top, "height", top - bottom));
        }
        bar.put("parts", parts);
      }
      bars.add(bar);
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("unit", unit.key());
    chart.put("width", WIDTH);
    chart.put("height", baseline + BOTTOM);
    chart.put("left", LEFT);
    chart.put("top", TOP);
    chart.put("baseline", baseline);
    chart.put("barWidth", barWidth);
    chart.put("max", max);
    for (Severity s : Severity.values()) {
      chart.put(s.key(), sums.getOrDefault(s, 0L));
    }
    chart.put("commits", sums.values().stream().mapToLong(Long::longValue).sum());
    // The busiest column, the first of equals, for the chart's summary sentence.
    columns.stream().filter(c -> c.key() != null && c.total() == max && max > 0).findFirst()
        .ifPresent(c -> chart.put("busiest", Map.of("key", c.key(), "number", c.number(),
            "commits", max)));
    chart.put("bars", bars);
    return chart;
  }

  /** A count's height on the plot, rounded half up; the busiest bar is the plot's height. */
  static int scaled(long count, long max) {
    if (max == 0) {
      return 0;
    }
    return (int) ((2 * count * PLOT_HEIGHT + max) / (2 * max));
  }
}
