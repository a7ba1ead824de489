package dev.daybook.search;

import dev.daybook.text.FilePaths;
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
 * a space, whitespace collapsed to single spaces. The text shown in search results ({@link
 * Texts#shown}) writes a file path in a code span as its folder and file only ({@link
 * FilePaths#fileAndFolder}): the whole path is its own field and on the report's page, and the
 * leading folders, alike in every path of a repository, are most of a file list's bytes.
 */
final class PlainText {

  private static final Parser PARSER =
      Parser.builder().extensions(Set.of(TablesExtension.create())).build();

  private PlainText() {}

  static String of(String markdown) {
    return of(PARSER.parse(markdown), false);
  }

  private static String of(Node document, boolean shown) {
    StringBuilder out = new StringBuilder();
    append(document, out, shown);
    return collapse(out);
  }

  /**
   * A section's {@link #of plain text}, the same as shown in search results, and the file paths
   * it names in code spans (e.g. the impact list of a report), from one parse.
   */
  record Texts(String text, String shown, List<String> paths) {}

  static Texts texts(String markdown) {
    Node document = PARSER.parse(markdown);
    return new Texts(of(document, false), of(document, true), FilePaths.in(document));
  }

  private static void append(Node node, StringBuilder out, boolean shown) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text text) {
        out.append(text.getLiteral());
      } else if (child instanceof Code code) {
        out.append(shown && FilePaths.isPath(code.getLiteral())
            ? FilePaths.fileAndFolder(code.getLiteral()) : code.getLiteral());
      } else if (child instanceof FencedCodeBlock code) {
        out.append(' ').append(code.getLiteral());
      } else if (child instanceof IndentedCodeBlock code) {
        out.append(' ').append(code.getLiteral());
      } else if (child instanceof HtmlInline || child instanceof HtmlBlock) {
        out.append(' '); // <br> in a table cell, an anchor: no visible text
      } else {
        append(child, out, shown);
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
