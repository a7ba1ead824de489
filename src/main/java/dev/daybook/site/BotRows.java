package dev.daybook.site;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Leaves bots' commits out of a day page's commit tables ({@code site.hide-bots}); their
 * sections below stay, as does the report: only the page's table is shorter.
 *
 * <p>It works on the body as {@code ReportHtml} renders it: each commit is a table row whose
 * last cell links to the commit's anchor ({@code <a href="#3d68bd9"}). Commit text in a cell is
 * escaped, so no cell can hold a {@code <tr>} or an {@code href} of its own making; and an
 * anchor is only letters, digits and {@code -_.}, so it is matched as written.
 */
final class BotRows {

  private static final Pattern ROW = Pattern.compile("<tr>\\n(?:(?!</tr>).)*?</tr>\\n",
      Pattern.DOTALL);
  private static final Pattern ROW_LINK = Pattern.compile("<a href=\"#([A-Za-z0-9_.-]+)\"");

  private BotRows() {}

  /** The body without the table rows of the commits anchored {@code anchors}. */
  static String hide(String html, Set<String> anchors) {
    if (anchors.isEmpty()) {
      return html;
    }
    Matcher row = ROW.matcher(html);
    StringBuilder out = new StringBuilder(html.length());
    while (row.find()) {
      Matcher link = ROW_LINK.matcher(row.group());
      boolean bot = false;
      while (link.find()) {
        bot = anchors.contains(link.group(1));
      }
      row.appendReplacement(out, bot ? "" : Matcher.quoteReplacement(row.group()));
    }
    row.appendTail(out);
    return out.toString();
  }
}
