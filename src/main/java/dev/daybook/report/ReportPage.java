package dev.daybook.report;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a report's page is made of, from the one parse of its file: its JBake header and its body
 * as HTML. A build holds the page of every report it parsed until the pages are baked, so the
 * HTML is kept as UTF-8, which takes about half the memory of a String of mixed Chinese and ASCII.
 */
public final class ReportPage {

  private final ReportHeader header;
  private final byte[] html;

  public ReportPage(ReportHeader header, String html) {
    this.header = Objects.requireNonNull(header, "header");
    this.html = html.getBytes(StandardCharsets.UTF_8);
  }

  public ReportHeader header() {
    return header;
  }

  /** The body as HTML. */
  public String html() {
    return new String(html, StandardCharsets.UTF_8);
  }
}
