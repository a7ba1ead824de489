package dev.daybook.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Node;

/**
 * The file paths a report's prose names: its code spans that look like a path (the impact list
 * of a commit names each file so). The one rule for the search's {@code path:} filter and the
 * areas of a digest, so both see the same files; and what an area of a repository is, for the
 * digests and the rule analysis alike.
 */
public final class FilePaths {

  // What a path with blanks may hold: letters and digits of any script, blanks, "._~-/".
  private static final Pattern PATH_WITH_BLANKS = Pattern.compile("[\\p{L}\\p{N} ._~/-]+");

  /**
   * An area is a file's folder cut to this many levels: deep enough that the folders of a
   * repository whose code is all under one or two (python/sglang/...) tell its parts apart.
   */
  public static final int AREA_DEPTH = 3;
  /** The area of files at the top of a repository. */
  public static final String TOP_LEVEL = "";

  private FilePaths() {}

  /** {@code python/sglang/srt/layers/x.py} → {@code python/sglang/srt}; a top file → "". */
  public static String area(String path) {
    String p = path.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    int end = -1;
    for (int level = 0; level < AREA_DEPTH; level++) {
      int slash = p.indexOf('/', end + 1);
      if (slash < 0) {
        break;
      }
      end = slash;
    }
    return end < 0 ? TOP_LEVEL : p.substring(0, end);
  }

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

  /**
   * Whether a code span names a file path: a '/', not a URL; blanks only as a path may hold them
   * ({@code docs/my notes.md}), not beside a '/' ({@code a / b} is arithmetic) nor as tabs or
   * line breaks.
   */
  public static boolean isPath(String code) {
    String literal = code.strip();
    if (!literal.contains("/") || literal.contains("://")) {
      return false;
    }
    if (literal.chars().noneMatch(Character::isWhitespace)) {
      return true;
    }
    return mayHoldBlanks(literal) && !literal.contains(" /") && !literal.contains("/ ");
  }

  /**
   * A path cut to its file and the folder holding it: {@code python/sglang/srt/mem_cache/x.py} →
   * {@code mem_cache/x.py}; a path of one or two segments as it is. A trailing '/' is dropped.
   */
  public static String fileAndFolder(String path) {
    String p = path.strip();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int last = p.lastIndexOf('/');
    return last <= 0 ? p : p.substring(p.lastIndexOf('/', last - 1) + 1);
  }

  /**
   * Whether text with blanks holds only what paths hold, so it may be one: {@code docs/my
   * notes.md} may, {@code f(a, b)} and {@code x = y / 2} may not.
   */
  public static boolean mayHoldBlanks(String text) {
    return PATH_WITH_BLANKS.matcher(text).matches();
  }
}
