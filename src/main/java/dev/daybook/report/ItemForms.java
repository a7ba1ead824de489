package dev.daybook.report;

import dev.daybook.model.Analysis;
import dev.daybook.model.Dimension;
import dev.daybook.model.Insight;
import dev.daybook.model.Items;
import dev.daybook.model.Language;
import dev.daybook.model.Point;
import dev.daybook.text.MarkdownText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a report writes the items of an analysis, and how it reads them back, as the reference
 * report shows them: insights filed under dimensions are a two-column table ({@code | 维度 | 影响
 * |}, the dimension in bold); titled risks and recommendations are a numbered list of {@code N.
 * **title**：details}, further lines of details indented below (all of them when the details
 * open with a block of their own, such as a list); items with no dimension or title (as the rules
 * write them) are a bullet list.
 *
 * <p>Reading is loose: any two-column table whose first cells name dimensions (in either
 * language), numbered items with or without a bold title, lines of continuation. A report's parser
 * keeps what it read as items only when writing them again gives the very text it read
 * ({@link #readInsights}, {@link #readPoints}), so a report always reads back to the same bytes;
 * any other text stays text. The importer takes the loose reading ({@link #restructure}).
 */
public final class ItemForms {

  /** What a loose reading found: the items, and the text after them (empty when none). */
  record Loose<T>(List<T> items, String rest) {}

  private static final Pattern BULLET = Pattern.compile("^[-*+] +(.*)$", Pattern.DOTALL);
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3}[.)] +)(.*)$", Pattern.DOTALL);
  // A bold title at the start of an item (escaped characters, such as \*, are its text), then a
  // colon or nothing before the details.
  private static final Pattern TITLE = Pattern.compile(
      "^\\*\\*((?:\\\\.|[^*\\\\\\n])+?)\\*\\*\\s*(?:[：:]\\s*)?(.*)$", Pattern.DOTALL);
  // A line that would begin a block of its own, so details starting so go below their title.
  private static final Pattern BLOCK_START =
      Pattern.compile("^(?:[-*+](?:\\s|$)|\\d{1,9}[.)](?:\\s|$)|[>#|]|```|~~~)");
  private static final Pattern DELIMITER_CELL = Pattern.compile(":?-+:?");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Map<String, Dimension> DIMENSIONS = new HashMap<>();

  static {
    for (Vocabulary v : Vocabulary.all()) {
      for (Dimension d : Dimension.values()) {
        DIMENSIONS.put(key(v.dimensionName(d)), d);
      }
    }
  }

  private final Vocabulary words;

  ItemForms(Vocabulary words) {
    this.words = words;
  }

  // ---- writing ----------------------------------------------------------------------------

  /** Insights as a report writes them: a table when any has a dimension, else a bullet list. */
  String insights(Items<Insight> items) {
    if (items.list().isEmpty()) {
      return items.text();
    }
    List<String> lines = new ArrayList<>();
    if (items.list().stream().allMatch(i -> i.dimension() == null)) {
      items.list().forEach(i -> lines.add("- " + i.text()));
      return String.join("\n", lines);
    }
    List<String> headers = words.insightHeaders();
    lines.add("| " + headers.get(0) + " | " + headers.get(1) + " |");
    lines.add("|------|------|");
    for (Insight i : items.list()) {
      String dimension = i.dimension() == null ? ""
          : "**" + words.dimensionName(i.dimension()) + "**";
      lines.add("| " + dimension + " | " + i.text() + " |");
    }
    return String.join("\n", lines);
  }

  /**
   * Risks or recommendations as a report writes them: a numbered list when any has a title, else
   * a bullet list. Lines of details after the first go below the title, indented to the item's
   * text; all of them when the details open with a block of their own (a list).
   */
  String points(Items<Point> items) {
    if (items.list().isEmpty()) {
      return items.text();
    }
    boolean numbered = items.list().stream().anyMatch(p -> !p.title().isEmpty());
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (Point p : items.list()) {
      String marker = numbered ? ++n + ". " : "- ";
      String indent = " ".repeat(marker.length());
      String[] lines = p.details().split("\n", -1);
      String head;
      int from = 1;
      if (p.title().isEmpty()) {
        head = lines[0];
      } else if (p.details().isEmpty()) {
        head = "**" + p.title() + "**";
      } else if (BLOCK_START.matcher(lines[0]).find()) {
        head = "**" + p.title() + "**";
        from = 0;
      } else {
        head = "**" + p.title() + "**" + words.colon() + lines[0];
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(marker).append(head);
      for (int i = from; i < lines.length && !p.details().isEmpty(); i++) {
        out.append('\n');
        if (!lines[i].isEmpty()) {
          out.append(indent).append(lines[i]);
        }
      }
    }
    return out.toString();
  }

  // ---- reading ----------------------------------------------------------------------------

  /** The insights a section's text holds as this writer writes them, else the text as it is. */
  Items<Insight> readInsights(String text) {
    if (text.isBlank()) {
      return Items.none();
    }
    Loose<Insight> loose = looseInsights(text);
    if (loose != null && loose.rest().isEmpty()) {
      Items<Insight> items = Items.of(loose.items());
      if (insights(items).equals(text)) {
        return items;
      }
    }
    return Items.text(text);
  }

  /** The points a section's text holds as this writer writes them, else the text as it is. */
  Items<Point> readPoints(String text) {
    if (text.isBlank()) {
      return Items.none();
    }
    Loose<Point> loose = loosePoints(text);
    if (loose != null && loose.rest().isEmpty()) {
      Items<Point> items = Items.of(loose.items());
      if (points(items).equals(text)) {
        return items;
      }
    }
    return Items.text(text);
  }

  /**
   * Insights read loosely: a two-column table whose first cells name a dimension (or are empty),
   * or a bullet list of one line per item; null when the text is neither.
   */
  static Loose<Insight> looseInsights(String text) {
    List<String> lines = text.lines().map(String::stripTrailing).toList();
    List<Insight> items = new ArrayList<>();
    if (lines.get(0).startsWith("|")) {
      if (lines.size() < 3 || ReportParser.cells(lines.get(0)).size() != 2
          || !ReportParser.cells(lines.get(1)).stream()
              .allMatch(c -> DELIMITER_CELL.matcher(c).matches())) {
        return null;
      }
      int i = 2;
      for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
        List<String> cells = ReportParser.cells(lines.get(i));
        if (cells.size() != 2) {
          return null;
        }
        String name = MarkdownText.plain(cells.get(0));
        Dimension dimension = name.isEmpty() ? null : DIMENSIONS.get(key(name));
        if (dimension == null && !name.isEmpty()) {
          return null;
        }
        items.add(new Insight(dimension, cells.get(1)));
      }
      return new Loose<>(items, rest(text, lines, i));
    }
    for (String line : lines) {
      Matcher bullet = BULLET.matcher(line);
      if (!bullet.matches()) {
        return null;
      }
      items.add(new Insight(null, bullet.group(1)));
    }
    return new Loose<>(items, "");
  }

  /**
   * Points read loosely: a numbered list (each item's bold title, if it opens with one, then its
   * details) or a bullet list (details only), each item's lines that follow it indented; the text
   * after the list is its rest. Null when the text opens with no list.
   */
  static Loose<Point> loosePoints(String text) {
    List<String> lines = text.lines().map(String::stripTrailing).toList();
    boolean numbered = NUMBERED.matcher(lines.get(0)).matches();
    if (!numbered && !BULLET.matcher(lines.get(0)).matches()) {
      return null;
    }
    List<Point> items = new ArrayList<>();
    List<String> item = new ArrayList<>();
    int indent = 0;
    int i = 0;
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher start = (numbered ? NUMBERED : BULLET).matcher(line);
      if (start.matches()) {
        addPoint(items, item, numbered);
        item.clear();
        String rest = numbered ? start.group(2) : start.group(1);
        indent = line.length() - rest.length();
        item.add(rest);
      } else if (line.isEmpty()) {
        item.add("");
      } else if (Character.isWhitespace(line.charAt(0))) {
        int lead = 0;
        while (lead < line.length() && lead < indent && line.charAt(lead) == ' ') {
          lead++;
        }
        item.add(line.substring(lead));
      } else {
        break;
      }
    }
    addPoint(items, item, numbered);
    return new Loose<>(items, rest(text, lines, i));
  }

  private static void addPoint(List<Point> items, List<String> lines, boolean numbered) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isEmpty()) {
      end--;
    }
    if (end == 0) {
      return;
    }
    String first = lines.get(0);
    String title = "";
    Matcher titled = numbered ? TITLE.matcher(first) : null;
    if (titled != null && titled.matches()) {
      title = titled.group(1).strip();
      first = titled.group(2);
    }
    List<String> details = new ArrayList<>();
    if (!first.isEmpty()) {
      details.add(first);
    }
    details.addAll(lines.subList(1, end));
    items.add(new Point(title, String.join("\n", details)));
  }

  /** The text from line {@code from} on, blank lines before it dropped; empty when none. */
  private static String rest(String text, List<String> lines, int from) {
    while (from < lines.size() && lines.get(from).isEmpty()) {
      from++;
    }
    if (from >= lines.size()) {
      return "";
    }
    List<String> original = text.lines().toList();
    return String.join("\n", original.subList(from, original.size()));
  }

  private static String key(String name) {
    return SPACES.matcher(name).replaceAll("").toLowerCase(Locale.ROOT);
  }

  // ---- importing --------------------------------------------------------------------------

  /**
   * An analysis of a historical report with its insights, risks and recommendations read as items
   * wherever they are in a form of items: a dimension table whatever its column names, numbered
   * items with bold titles (a detail that is one bullet becomes plain details). The text after a
   * list of recommendations, which historical reports use as their closing word, goes before the
   * conclusion. Sections in no form of items stay as they are.
   */
  public static Analysis restructure(Analysis a) {
    Items<Insight> insights = a.insights();
    if (!insights.text().isBlank()) {
      Loose<Insight> loose = looseInsights(insights.text().strip());
      if (loose != null && loose.rest().isEmpty()) {
        insights = Items.of(loose.items());
      }
    }
    Items<Point> risks = a.risks();
    Loose<Point> looseRisks = risks.text().isBlank() ? null : loosePoints(risks.text().strip());
    if (looseRisks != null && looseRisks.rest().isEmpty()) {
      risks = Items.of(unwrapped(looseRisks.items()));
    }
    Items<Point> recommendations = a.recommendations();
    String conclusion = a.conclusion();
    Loose<Point> looseRecommendations = recommendations.text().isBlank() ? null
        : loosePoints(recommendations.text().strip());
    if (looseRecommendations != null) {
      recommendations = Items.of(unwrapped(looseRecommendations.items()));
      String rest = looseRecommendations.rest();
      conclusion = rest.isEmpty() ? conclusion
          : conclusion.isBlank() ? rest : rest + "\n\n" + conclusion;
    }
    return new Analysis(a.severity(), a.types(), a.typeLabel(), a.rationale(), a.summary(),
        a.impact(), insights, risks, recommendations, conclusion, a.reasons(), a.incomplete())
        .withBreaking(a.breaking());
  }

  /** Points whose details are a single bullet, with that bullet's text as their details. */
  private static List<Point> unwrapped(List<Point> points) {
    return points.stream().map(p -> {
      Matcher bullet = BULLET.matcher(p.details());
      return bullet.matches() && p.details().indexOf('\n') < 0
          ? new Point(p.title(), bullet.group(1)) : p;
    }).toList();
  }

  /** The forms of a report in this language. */
  static ItemForms of(Language language) {
    return new ItemForms(Vocabulary.of(language));
  }
}
