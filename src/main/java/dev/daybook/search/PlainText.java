package dev.daybook.search;

import dev.daybook.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The text a reader sees in a report's CommonMark prose, for indexing and snippets: text, code
 * spans and code blocks kept, markup and raw HTML dropped, every block and table cell separated by
 * a space, whitespace collapsed to single spaces.
 */
final class PlainText {

  private static final Parser PARSER =
      Parser.builder().extensions(Set.of(TablesExtension.create())).build();

  private PlainText() {}

  static String of(String markdown) {
    String literal = MarkdownText.literal(markdown);
    if (literal != null) {
      return collapse(literal); // what the parse below gives, without it (most summaries)
    }
    WithPaths list = bulletList(markdown, false);
    return list != null ? list.text() : parsed(markdown);
  }

  /** {@link #of} without its fast paths: tests check they agree. */
  static String parsed(String markdown) {
    return of(PARSER.parse(markdown));
  }

  private static String of(Node document) {
    StringBuilder out = new StringBuilder();
    append(document, out);
    return collapse(out);
  }

  /**
   * A section's {@link #of plain text} and the file paths it names in code spans (e.g. the impact
   * list of a report), from one parse.
   */
  record WithPaths(String text, List<String> paths) {}

  static WithPaths withPaths(String markdown) {
    String literal = MarkdownText.literal(markdown);
    if (literal != null) {
      return new WithPaths(collapse(literal), List.of()); // no code span, so no path
    }
    WithPaths list = bulletList(markdown, true);
    return list != null ? list : withPathsParsed(markdown);
  }

  /** {@link #withPaths} without its fast paths: tests check they agree. */
  static WithPaths withPathsParsed(String markdown) {
    Node document = PARSER.parse(markdown);
    List<String> paths = new ArrayList<>();
    collectPaths(document, paths);
    return new WithPaths(of(document), paths);
  }

  /**
   * What the parse gives for a bullet list of one-line items made of {@link MarkdownText#literal
   * literal} text and code spans (the impact, insights, risks and recommendations of a report),
   * without it; null for anything else. Each item is {@code "- "} and its text; a code span is
   * one backtick, some text that neither starts nor ends with a space, one backtick. The blocks
   * the parse would make only separate the items' texts by spaces.
   *
   * @param withPaths whether to collect the paths too (else the paths are empty)
   */
  static WithPaths bulletList(String markdown, boolean withPaths) {
    int n = markdown.length();
    StringBuilder text = new StringBuilder(n);
    List<String> paths = withPaths ? new ArrayList<>() : List.of();
    for (int at = 0; at < n; ) {
      int eol = markdown.indexOf('\n', at);
      eol = eol < 0 ? n : eol;
      if (eol - at < 3 || markdown.charAt(at) != '-' || markdown.charAt(at + 1) != ' '
          || !item(markdown, at + 2, eol, text, withPaths ? paths : null)) {
        return null;
      }
      text.append(' ');
      at = eol + 1;
    }
    return text.isEmpty() ? null : new WithPaths(collapse(text), paths);
  }

  /** Appends the text of an item {@code markdown[from..to)}; false when it is not that simple. */
  private static boolean item(String markdown, int from, int to, StringBuilder text,
      List<String> paths) {
    for (int piece = from; ; ) {
      int tick = markdown.indexOf('`', piece);
      int end = tick < 0 || tick > to ? to : tick;
      String literal = MarkdownText.literal(markdown, piece, end, piece == from);
      if (literal == null) {
        return false;
      }
      text.append(literal);
      if (end == to) {
        return true;
      }
      int close = markdown.indexOf('`', tick + 1);
      if (close < 0 || close >= to || close == tick + 1
          || close + 1 < to && markdown.charAt(close + 1) == '`'
          || markdown.charAt(tick + 1) == ' ' || markdown.charAt(close - 1) == ' ') {
        return false;
      }
      String code = markdown.substring(tick + 1, close);
      if (code.chars().anyMatch(c -> c < ' ')) {
        return false; // the parser has its own way with control characters (NUL, CR)
      }
      text.append(code);
      if (paths != null && isPath(code)) {
        paths.add(code.strip());
      }
      piece = close + 1;
    }
  }

  private static void collectPaths(Node node, List<String> out) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Code code && isPath(code.getLiteral())) {
        out.add(code.getLiteral().strip());
      }
      collectPaths(child, out);
    }
  }

  /** Whether a code span names a file path: a '/', no blank, not a URL. */
  private static boolean isPath(String code) {
    String literal = code.strip();
    return literal.contains("/") && !literal.isEmpty()
        && literal.chars().noneMatch(Character::isWhitespace) && !literal.contains("://");
  }

  private static void append(Node node, StringBuilder out) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text text) {
        out.append(text.getLiteral());
      } else if (child instanceof Code code) {
        out.append(code.getLiteral());
      } else if (child instanceof FencedCodeBlock code) {
        out.append(' ').append(code.getLiteral());
      } else if (child instanceof IndentedCodeBlock code) {
        out.append(' ').append(code.getLiteral());
      } else if (child instanceof HtmlInline || child instanceof HtmlBlock) {
        out.append(' '); // <br> in a table cell, an anchor: no visible text
      } else {
        append(child, out);
      }
      if (child instanceof Block || child instanceof TableCell
          || child instanceof org.commonmark.node.SoftLineBreak
          || child instanceof org.commonmark.node.HardLineBreak) {
        out.append(' ');
      }
    }
  }

  private static String collapse(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
