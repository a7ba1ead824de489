package dev.daybook.site;

import dev.daybook.text.MarkdownText;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.text.Characters;

/**
 * The HTML that {@link ReportHtml} makes with commonmark-java, made in one pass for the plain
 * Markdown that Daybook writes: headings (a leading {@code <a id>} anchor becomes the id),
 * paragraphs (a hard break only before their last line), one-line block quotes, tight bullet
 * lists two levels deep, GFM tables without alignment, thematic breaks; and inline backslash
 * escapes, code spans, {@code **strong**} and {@code [text](url)} links. Anything else, or
 * anything that could read two ways (raw HTML, entities, emphasis with single delimiters, lazy
 * continuation lines, reference links), makes it give up and return null: the caller then asks
 * commonmark-java, which stays the definition of the output. Tests hold the two to the same bytes.
 *
 * <p>Why it exists: it pays for itself. With commonmark-java alone, a cold build of 1,825
 * rule-written days ({@code ./daybook bench}'s archive) took 1.14× the wall time and 1.24× the
 * CPU; on model-written days it changes nothing (their {@code <br>} cells go to commonmark-java).
 */
final class DirectHtml {

  // The anchor opening a heading, as ReportHtml moves it into the heading's id.
  private static final Pattern HEADING_ANCHOR =
      Pattern.compile("<a id=\"([A-Za-z0-9_.-]{1,200})\"></a>");

  private static final List<String> LINE_BREAK_TAGS = List.of("<br>", "<br/>", "<br />");

  private final UrlSanitizer urls;

  DirectHtml(UrlSanitizer urls) {
    this.urls = urls;
  }

  /** Thrown, and caught in {@link #render}, where the Markdown leaves the subset. */
  private static final class Unsupported extends Exception {
    static final Unsupported INSTANCE = new Unsupported();

    private Unsupported() {
      super(null, null, false, false); // control flow: no message, no stack trace
    }
  }

  /** The HTML of {@code markdown}, or null when it is not in the subset. */
  String render(String markdown) {
    // On an array: charAt on a UTF-16 string is a call and a bounds check per character.
    for (char c : markdown.toCharArray()) {
      if (Character.isISOControl(c) && c != '\n') {
        // Tabs, carriage returns, NUL: rules this class does not follow. DEL and the C1
        // controls end a link destination for commonmark.
        return null;
      }
    }
    String[] lines = markdown.split("\n", -1);
    StringBuilder out = new StringBuilder(markdown.length() + markdown.length() / 2);
    try {
      int i = 0;
      while (i < lines.length) {
        String line = lines[i];
        if (line.isEmpty()) {
          i++;
        } else if (line.isBlank() || line.charAt(0) == ' ') {
          return null; // indented code, or content of something this class did not start
        } else if (line.charAt(0) == '#') {
          heading(line, out);
          i++;
        } else if (line.equals("---")) {
          out.append("<hr />\n");
          i++;
        } else if (line.charAt(0) == '>') {
          i = blockQuote(lines, i, out);
        } else if (line.startsWith("- ")) {
          i = list(lines, i, out);
        } else if (line.charAt(0) == '|') {
          i = table(lines, i, out);
        } else {
          i = paragraph(lines, i, out);
        }
      }
    } catch (Unsupported e) {
      return null;
    }
    return out.toString();
  }

  private void heading(String line, StringBuilder out) throws Unsupported {
    int level = 0;
    while (level < line.length() && line.charAt(level) == '#') {
      level++;
    }
    if (level > 6 || level + 1 >= line.length() || line.charAt(level) != ' ') {
      throw Unsupported.INSTANCE;
    }
    String content = line.substring(level + 1);
    char last = content.charAt(content.length() - 1);
    // A closing run of '#' and surrounding blanks are stripped by CommonMark.
    if (content.charAt(0) == ' ' || last == ' ' || last == '#') {
      throw Unsupported.INSTANCE;
    }
    int start = 0;
    out.append("<h").append(level);
    if (content.startsWith("<a ")) {
      Matcher anchor = HEADING_ANCHOR.matcher(content);
      if (!anchor.lookingAt()) {
        throw Unsupported.INSTANCE;
      }
      out.append(" id=\"").append(anchor.group(1)).append('"');
      start = anchor.end();
    }
    out.append('>');
    inline(content, start, content.length(), out);
    out.append("</h").append(level).append(">\n");
  }

  private int blockQuote(String[] lines, int i, StringBuilder out) throws Unsupported {
    String line = lines[i];
    // One line, then a blank: a following line would continue the quote lazily.
    if (!line.startsWith("> ") || i + 1 < lines.length && !lines[i + 1].isEmpty()) {
      throw Unsupported.INSTANCE;
    }
    String content = stripEnd(line.substring(2));
    checkParagraphStart(content);
    out.append("<blockquote>\n<p>");
    inline(content, 0, content.length(), out);
    out.append("</p>\n</blockquote>\n");
    return i + 1;
  }

  /** A tight bullet list of "- " items, each with an optional tight list of "  - " items. */
  private int list(String[] lines, int i, StringBuilder out) throws Unsupported {
    out.append("<ul>\n");
    int first = i;
    boolean inner = false;
    for (; i < lines.length && !lines[i].isEmpty(); i++) {
      String line = lines[i];
      if (line.startsWith("- ")) {
        if (inner) {
          out.append("</ul>\n");
          inner = false;
        }
        if (i > first) {
          out.append("</li>\n"); // the item before
        }
        out.append("<li>");
        item(line, 2, out);
      } else if (line.startsWith("  - ")) {
        if (!inner) {
          out.append("\n<ul>\n");
          inner = true;
        }
        out.append("<li>");
        item(line, 4, out);
        out.append("</li>\n");
      } else {
        throw Unsupported.INSTANCE; // a lazy continuation line, or deeper nesting
      }
    }
    out.append(inner ? "</ul>\n</li>\n</ul>\n" : "</li>\n</ul>\n");
    // A list after a blank line would join this one, which would make it loose.
    int next = i;
    while (next < lines.length && lines[next].isEmpty()) {
      next++;
    }
    if (next < lines.length && (lines[next].startsWith("- ") || lines[next].startsWith(" "))) {
      throw Unsupported.INSTANCE;
    }
    return i;
  }

  private void item(String line, int start, StringBuilder out) throws Unsupported {
    String content = stripEnd(line.substring(start));
    checkParagraphStart(content);
    inline(content, 0, content.length(), out);
  }

  /** A GFM table: a header row, a row of dashes, body rows; as many cells in each. */
  private int table(String[] lines, int i, StringBuilder out) throws Unsupported {
    List<String> head = cells(lines[i]);
    // "|" over "|" is no table: its delimiter row has no column.
    if (head.isEmpty() || i + 1 >= lines.length
        || !isPlainDelimiterRow(lines[i + 1], head.size())) {
      throw Unsupported.INSTANCE;
    }
    out.append("<table class=\"table\">\n<thead>\n<tr>\n");
    for (String cell : head) {
      cell("th", cell, out);
    }
    out.append("</tr>\n</thead>\n");
    i += 2;
    if (i < lines.length && !lines[i].isEmpty()) {
      out.append("<tbody>\n");
      for (; i < lines.length && !lines[i].isEmpty(); i++) {
        if (lines[i].charAt(0) != '|') {
          throw Unsupported.INSTANCE;
        }
        List<String> row = cells(lines[i]);
        if (row.size() != head.size()) {
          throw Unsupported.INSTANCE;
        }
        out.append("<tr>\n");
        for (String cell : row) {
          cell("td", cell, out);
        }
        out.append("</tr>\n");
      }
      out.append("</tbody>\n");
    }
    out.append("</table>\n");
    return i;
  }

  private void cell(String tag, String cell, StringBuilder out) throws Unsupported {
    int start = 0;
    int end = cell.length();
    while (start < end && cell.charAt(start) == ' ') {
      start++;
    }
    while (end > start && cell.charAt(end - 1) == ' ') {
      end--;
    }
    out.append('<').append(tag).append('>');
    // The table parser hands each cell's text alone to the inline parser.
    String content = cell.substring(start, end);
    inline(content, 0, content.length(), out);
    out.append("</").append(tag).append(">\n");
  }

  /**
   * The cells of a row that starts with '|', split as the GFM table parser splits them: at each
   * '|' not escaped, with {@code \|} passed on as '|', and a trailing '|' optional.
   */
  private static List<String> cells(String row) {
    int end = row.length();
    while (end > 1 && row.charAt(end - 1) == ' ') {
      end--;
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < end; i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < end && row.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0) {
      cells.add(cell.toString());
    }
    return cells;
  }

  /** {@code |---|---|}: dashes between pipes, no alignment colons, no blanks. */
  private static boolean isPlainDelimiterRow(String line, int columns) {
    if (line.isEmpty() || line.charAt(0) != '|' || line.charAt(line.length() - 1) != '|') {
      return false;
    }
    int count = 0;
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '|') {
        if (line.charAt(i - 1) != '-') {
          return false;
        }
        count++;
      } else if (c != '-') {
        return false;
      }
    }
    return count == columns;
  }

  /** Lines up to a blank, joined by soft breaks, the last maybe by a hard one (two blanks). */
  private int paragraph(String[] lines, int i, StringBuilder out) throws Unsupported {
    checkParagraphStart(lines[i]);
    int end = i + 1;
    while (end < lines.length && !lines[end].isEmpty()) {
      // A line that could start a block might interrupt the paragraph: not decided here.
      String next = lines[end];
      checkParagraphStart(next);
      if (next.charAt(0) == ':') {
        throw Unsupported.INSTANCE; // maybe a table's delimiter row under a header line
      }
      end++;
    }
    String content = lines[i];
    if (end > i + 1) {
      StringBuilder joined = new StringBuilder(content);
      for (int k = i + 1; k < end; k++) {
        joined.append('\n').append(lines[k]);
      }
      content = joined.toString();
    }
    content = stripEnd(content);
    out.append("<p>");
    inline(content, 0, content.length(), out);
    out.append("</p>\n");
    return end;
  }

  /** Blanks at the end of a block's text (a hard break's among them) are dropped, as CommonMark
   * drops them. */
  private static String stripEnd(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return end == text.length() ? text : text.substring(0, end);
  }

  /**
   * Gives up on a line that might start a block other than a paragraph: blanks first, block
   * markers ('#', '>', list bullets and numbers, fences, table pipes, thematic breaks, setext
   * underlines, raw HTML). "**" followed by text is a strong opener and one or two backticks a
   * code span, not a marker.
   */
  private static void checkParagraphStart(String line) throws Unsupported {
    if (line.isEmpty()) {
      throw Unsupported.INSTANCE;
    }
    char first = line.charAt(0);
    if (first == '*') {
      if (line.length() > 2 && line.charAt(1) == '*' && line.charAt(2) != '*'
          && line.charAt(2) != ' ') {
        return;
      }
      throw Unsupported.INSTANCE;
    }
    if (" #>-+=_|<".indexOf(first) >= 0 || line.startsWith("```") || line.startsWith("~~~")) {
      throw Unsupported.INSTANCE;
    }
    int digits = 0;
    while (digits < line.length() && line.charAt(digits) >= '0' && line.charAt(digits) <= '9') {
      digits++;
    }
    if (digits > 0 && digits < line.length()
        && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
      throw Unsupported.INSTANCE;
    }
  }

  // ---- inline content ----

  // The characters the inline loop stops at; every other one is copied as it is, in runs.
  private static final boolean[] STOPS = new boolean[128];

  static {
    for (char c : "\\`[*_\n<&!>\"".toCharArray()) {
      STOPS[c] = true;
    }
  }

  private void inline(String text, int start, int end, StringBuilder out) throws Unsupported {
    // An array: charAt on a UTF-16 string is a call and a bounds check per character.
    char[] s = text.toCharArray();
    inline(s, start, end, out);
  }

  /**
   * Renders {@code s[start, end)} as inline content. Characters outside the range count as the
   * neighbours of a delimiter run, as they do for commonmark's parser, which sees the whole
   * paragraph (or heading) at once.
   */
  private void inline(char[] s, int start, int end, StringBuilder out) throws Unsupported {
    // Runs of "**" are written as they are and replaced by tags at the end, once it is known
    // which pair up; pairs are found as CommonMark finds them: each closer takes the nearest
    // opener before it (with runs of two '*' only, no other rule applies).
    int[] openers = null;
    int open = 0;
    List<int[]> strong = null;
    boolean hardBreak = false;
    int i = start;
    while (i < end) {
      char c = s[i];
      if (c >= 128 || !STOPS[c]) {
        int from = i;
        do {
          i++;
        } while (i < end && (s[i] >= 128 || !STOPS[s[i]]));
        out.append(s, from, i - from);
        continue;
      }
      switch (c) {
        case '\\' -> {
          if (i + 1 < end && MarkdownText.isAsciiPunctuation(s[i + 1])) {
            escape(s[i + 1], out);
            i += 2;
          } else if (i + 1 < end && s[i + 1] == '\n') {
            throw Unsupported.INSTANCE; // a hard break written with a backslash
          } else {
            out.append('\\');
            i++;
          }
        }
        case '`' -> i = codeSpan(s, i, end, out);
        case '[' -> i = link(s, i, end, out);
        case '*', '_' -> {
          int after = i + runLength(s, i, end, c);
          boolean[] flanks = flanking(s, i, after, c);
          if (flanks[0] || flanks[1]) {
            if (c != '*' || after - i != 2) {
              throw Unsupported.INSTANCE; // emphasis with '_', '*' or '***': not in the subset
            }
            if (flanks[1] && open > 0) {
              if (strong == null) {
                strong = new ArrayList<>();
              }
              strong.add(new int[] {openers[--open], out.length()});
            } else if (flanks[0]) {
              if (openers == null) {
                openers = new int[8];
              } else if (open == openers.length) {
                openers = Arrays.copyOf(openers, open * 2);
              }
              openers[open++] = out.length();
            }
          }
          out.append(s, i, after - i);
          i = after;
        }
        case '\n' -> {
          // commonmark-java counts the blanks of the last text that ran to a line's end, so after
          // a hard break a line that ends in a code span, link, escape or "**" breaks hard too.
          if (hardBreak) {
            throw Unsupported.INSTANCE;
          }
          int blanks = 0;
          while (out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
            blanks++;
          }
          hardBreak = blanks >= 2;
          out.append(hardBreak ? "<br />\n" : "\n");
          i++;
        }
        case '<' -> i = angle(s, i, end, out);
        case '&' -> throw Unsupported.INSTANCE; // an entity, maybe
        case '!' -> {
          if (i + 1 < end && s[i + 1] == '[') {
            throw Unsupported.INSTANCE; // an image
          }
          out.append('!');
          i++;
        }
        default -> { // '>' and '"'
          escape(c, out);
          i++;
        }
      }
    }
    if (strong != null) {
      // From the last run back, so that each replacement leaves the earlier offsets valid.
      int[] tags = new int[strong.size() * 2];
      for (int k = 0; k < strong.size(); k++) {
        tags[2 * k] = strong.get(k)[0] * 2; // even: an opening tag
        tags[2 * k + 1] = strong.get(k)[1] * 2 + 1;
      }
      Arrays.sort(tags);
      for (int k = tags.length - 1; k >= 0; k--) {
        int at = tags[k] / 2;
        out.replace(at, at + 2, tags[k] % 2 == 0 ? "<strong>" : "</strong>");
      }
    }
  }

  /**
   * A '<': the line-break tag of hand-written tables ({@code <br>}, {@code <br/>}, {@code <br />}),
   * which as raw HTML is shown as its own text, or a '<' before a blank or a non-ASCII letter,
   * which starts no tag or autolink. Anything else might be raw HTML or an autolink.
   */
  private static int angle(char[] s, int i, int end, StringBuilder out) throws Unsupported {
    for (String tag : LINE_BREAK_TAGS) {
      if (i + tag.length() <= end && tag.contentEquals(CharBuffer.wrap(s, i, tag.length()))) {
        escape(tag, out);
        return i + tag.length();
      }
    }
    if (i + 1 < end && s[i + 1] != ' ' && s[i + 1] < 128) {
      throw Unsupported.INSTANCE;
    }
    out.append("&lt;");
    return i + 1;
  }

  /**
   * Whether the run of {@code c} in {@code s[from, to)} can open and can close emphasis, by
   * CommonMark's flanking rules; the ends of the text count as blank and as punctuation.
   */
  private static boolean[] flanking(char[] s, int from, int to, char c) {
    int before = from == 0 ? -1 : Character.codePointBefore(s, from);
    int after = to == s.length ? -1 : Character.codePointAt(s, to);
    boolean beforeBlank = before == -1 || Characters.isWhitespaceCodePoint(before);
    boolean beforePunct = before == -1 || Characters.isPunctuationCodePoint(before);
    boolean afterBlank = after == -1 || Characters.isWhitespaceCodePoint(after);
    boolean afterPunct = after == -1 || Characters.isPunctuationCodePoint(after);
    boolean left = !afterBlank && (!afterPunct || beforeBlank || beforePunct);
    boolean right = !beforeBlank && (!beforePunct || afterBlank || afterPunct);
    if (c == '_') {
      return new boolean[] {left && (!right || beforePunct), right && (!left || afterPunct)};
    }
    return new boolean[] {left, right};
  }

  /** A code span from the backtick run at {@code i}; returns where reading goes on. */
  private static int codeSpan(char[] s, int i, int end, StringBuilder out) throws Unsupported {
    int ticks = runLength(s, i, end, '`');
    int after = codeSpanEnd(s, i, end);
    if (after < 0) {
      out.append(s, i, ticks); // no closing run: the backticks are text
      return i + ticks;
    }
    int from = i + ticks;
    int to = after - ticks;
    boolean blank = true;
    for (int k = from; k < to; k++) {
      if (s[k] == '\n') {
        throw Unsupported.INSTANCE;
      }
      blank &= s[k] == ' ';
    }
    if (to - from >= 2 && s[from] == ' ' && s[to - 1] == ' ' && !blank) {
      from++;
      to--;
    }
    out.append("<code>");
    escape(s, from, to, out);
    out.append("</code>");
    return after;
  }

  /**
   * Where the code span that opens with the backtick run at {@code i} ends: after the next run
   * of as many backticks; -1 when there is none before {@code end}.
   */
  private static int codeSpanEnd(char[] s, int i, int end) {
    int ticks = runLength(s, i, end, '`');
    int close = i + ticks;
    while (close < end) {
      if (s[close] != '`') {
        close++;
        continue;
      }
      int length = runLength(s, close, end, '`');
      if (length == ticks) {
        return close + ticks;
      }
      close += length;
    }
    return -1;
  }

  /**
   * An inline link {@code [text](destination)} from the '[' at {@code i}: its text holds no
   * other bracket or line break, its destination no blank, parenthesis, angle bracket or entity,
   * and there is no title. Anything else gives up.
   */
  private int link(char[] s, int i, int end, StringBuilder out) throws Unsupported {
    int close = i + 1;
    while (close < end) {
      char c = s[close];
      if (c == ']') {
        break;
      } else if (c == '\\' && close + 1 < end && MarkdownText.isAsciiPunctuation(s[close + 1])) {
        close += 2;
      } else if (c == '`') {
        int after = codeSpanEnd(s, close, end);
        if (after < 0) {
          throw Unsupported.INSTANCE;
        }
        close = after;
      } else if (c == '[' || c == '\n') {
        throw Unsupported.INSTANCE;
      } else {
        close++;
      }
    }
    if (close + 1 >= end || s[close + 1] != '(') {
      throw Unsupported.INSTANCE; // a reference link, a definition, or a stray bracket
    }
    int destEnd = close + 2;
    StringBuilder destination = new StringBuilder();
    while (destEnd < end && s[destEnd] != ')') {
      char c = s[destEnd];
      if (c <= ' ' || c == '(' || c == '<' || c == '&') {
        throw Unsupported.INSTANCE;
      }
      if (c == '\\' && destEnd + 1 < end && MarkdownText.isAsciiPunctuation(s[destEnd + 1])) {
        destination.append(s[destEnd + 1]);
        destEnd += 2;
      } else {
        destination.append(c);
        destEnd++;
      }
    }
    if (destEnd >= end || destination.length() == 0) {
      throw Unsupported.INSTANCE;
    }
    out.append("<a rel=\"nofollow\" href=\"");
    escape(urls.sanitizeLinkUrl(destination.toString()), out);
    out.append("\">");
    inline(s, i + 1, close, out);
    out.append("</a>");
    return destEnd + 1;
  }

  private static int runLength(char[] s, int i, int end, char c) {
    int j = i;
    while (j < end && s[j] == c) {
      j++;
    }
    return j - i;
  }

  /** Text as commonmark's HTML writer escapes it. */
  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      default -> out.append(c);
    }
  }

  private static void escape(char[] s, int from, int to, StringBuilder out) {
    int run = from;
    for (int k = from; k < to; k++) {
      char c = s[k];
      if (c == '&' || c == '<' || c == '>' || c == '"') {
        out.append(s, run, k - run);
        escape(c, out);
        run = k + 1;
      }
    }
    out.append(s, run, to - run);
  }

  private static void escape(String text, StringBuilder out) {
    char[] s = text.toCharArray();
    escape(s, 0, s.length, out);
  }
}
