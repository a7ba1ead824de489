package dev.daybook.report;

import java.time.LocalDate;

/**
 * Where a day's report is published, relative to the site's root: the one rule for the site's
 * pages ({@code SitePaths.report}) and the search's links to commits, which the browser's search
 * ({@code assets/js/search.js}, where {@code rowsOf} makes a row's link) follows too.
 */
public final class ReportPaths {

  private ReportPaths() {}

  /** {@code reports/2026/02/2026-02-06.html} */
  public static String page(LocalDate date) {
    // Built by hand: String.format was half the cost of the list pages (it looks up the
    // locale's digits each time), and LocalDate.toString always writes ASCII digits.
    String day = date.toString(); // YYYY-MM-DD (four-digit years; others are refused below)
    if (day.length() != 10) {
      throw new IllegalArgumentException("a report date needs a four-digit year: " + day);
    }
    return "reports/" + day.substring(0, 4) + "/" + day.substring(5, 7) + "/" + day + ".html";
  }
}
