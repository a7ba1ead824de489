package dev.daybook.text;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.Node;

/**
 * The file paths a report's prose names: its code spans that look like a path (the impact list
 * of a commit names each file so). The one rule for the search's {@code path:} filter and the
 * areas of a digest, so both see the same files.
 */
public final class FilePaths {

  private FilePaths() {}

  /** The paths named in a parsed document's code spans, in order (repeats kept). */
  public static List<String> in(Node document) {
    List<String> paths = new ArrayList<>();
    collect(document, paths);
    return paths;
  }

  private static void collect(Node node, List<String> out) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Code code && isPath(code.getLiteral())) {
        out.add(code.getLiteral().strip());
      }
      collect(child, out);
    }
  }

  /** Whether a code span names a file path: a '/', no blank, not a URL. */
  static boolean isPath(String code) {
    String literal = code.strip();
    return literal.contains("/") && !literal.isEmpty()
        && literal.chars().noneMatch(Character::isWhitespace) && !literal.contains("://");
  }
}
