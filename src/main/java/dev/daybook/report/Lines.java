package dev.daybook.report;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Cheap tests on one line of a report. The parser runs them on every line, so most lines are
 * decided by a character or two and only the few that may be a heading or a fence reach a regex.
 */
final class Lines {

  private Lines() {}

  /**
   * The lines of a text without a leading byte order mark; a line ends at \n, \r\n or \r. One pass
   * that only notes where each line starts and ends: a line becomes a String when first asked for.
   */
  static Split split(String text) {
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    Split lines = new Split(text, text.length() / 32 + 1);
    if (text.indexOf('\r') < 0) { // the usual case: indexOf is much quicker than a char loop
      for (int eol; (eol = text.indexOf('\n', start)) >= 0; start = eol + 1) {
        lines.add(start, eol);
      }
      lines.add(start, text.length());
      return lines;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(start, i);
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(start, text.length());
    return lines;
  }

  /**
   * The lines of a text as {@link #split} finds them. Most lines of a report are prose that the
   * parser appends to a field as they are: it takes those from the text ({@link #start}, {@link
   * #end}), and only the others are copied into Strings, once.
   */
  static final class Split extends AbstractList<String> implements RandomAccess {
    private final String text;
    private int[] bounds; // each line's start and end in the text, in pairs
    private int size;
    private String[] made; // the lines made Strings so far; allocated on first use

    private Split(String text, int expected) {
      this.text = text;
      this.bounds = new int[2 * expected];
    }

    private void add(int start, int end) {
      if (2 * size == bounds.length) {
        bounds = Arrays.copyOf(bounds, 2 * bounds.length);
      }
      bounds[2 * size] = start;
      bounds[2 * size + 1] = end;
      size++;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public String get(int index) {
      Objects.checkIndex(index, size);
      if (made == null) {
        made = new String[size];
      }
      String line = made[index];
      if (line == null) {
        line = text.substring(start(index), end(index));
        made[index] = line;
      }
      return line;
    }

    /** The line's index, compared in the text, so no line is made a String for it. */
    @Override
    public int indexOf(Object o) {
      if (o instanceof String s) {
        for (int i = 0; i < size; i++) {
          if (end(i) - start(i) == s.length() && text.startsWith(s, start(i))) {
            return i;
          }
        }
      }
      return -1;
    }

    /** The text the lines are in. */
    String text() {
      return text;
    }

    /** Where a line starts in the {@link #text}. */
    int start(int index) {
      return bounds[2 * index];
    }

    /** Where a line ends in the {@link #text}, its line end excluded. */
    int end(int index) {
      return bounds[2 * index + 1];
    }

    /** {@link Lines#firstNonWhitespace} of a line, as an index in the {@link #text}. */
    int firstNonWhitespace(int index) {
      int i = start(index);
      int end = end(index);
      while (i < end && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      return i;
    }
  }

  /**
   * Where a line's text starts after at most three spaces, or -1 when it is indented further or
   * has no text after them: only such lines can open a heading, a fence or a thematic break.
   */
  static int blockStart(String line) {
    int i = 0;
    while (i < 4 && i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i < 4 && i < line.length() ? i : -1;
  }

  /**
   * Where the text that {@link String#strip()} keeps starts (the length when it keeps none): the
   * first character that is not {@link Character#isWhitespace(char)}.
   */
  static int firstNonWhitespace(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  /** An ATX heading: its level (1 to 6) and its text. */
  record Heading(int level, String text) {}

  /**
   * The heading a line is, read as {@code ^ {0,3}(#{1,6})[ \t]+(.*?)\s*$} (DOTALL) would read it
   * with {@code matches()}, else null: up to three spaces, one to six '#', spaces or tabs, then
   * the text without trailing ASCII whitespace ({@code \s}; U+2028 and the like stay).
   */
  static Heading heading(String line) {
    int start = blockStart(line);
    if (start < 0 || line.charAt(start) != '#') {
      return null;
    }
    int i = start;
    while (i < line.length() && line.charAt(i) == '#') {
      i++;
    }
    int level = i - start;
    if (level > 6 || i == line.length() || line.charAt(i) != ' ' && line.charAt(i) != '\t') {
      return null;
    }
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    int end = line.length();
    while (end > i && isRegexSpace(line.charAt(end - 1))) {
      end--;
    }
    return new Heading(level, line.substring(i, end));
  }

  /** Whether a line may be an ATX heading ({@code ### x}); a regex decides. */
  static boolean mayBeHeading(String line) {
    int i = blockStart(line);
    return i >= 0 && line.charAt(i) == '#';
  }

  /**
   * Whether a line may be a thematic break ({@code ---}, {@code * * *}): a marker, then the same
   * marker after whitespace; a regex decides. A list item ({@code - x}) is not.
   */
  static boolean mayBeBreak(String line) {
    int i = blockStart(line);
    if (i < 0 || line.charAt(i) != '-' && line.charAt(i) != '*' && line.charAt(i) != '_') {
      return false;
    }
    int next = i + 1;
    while (next < line.length() && isRegexSpace(line.charAt(next))) {
      next++;
    }
    return next < line.length() && line.charAt(next) == line.charAt(i);
  }

  /**
   * A block-quote line (it starts with {@code >}) without its marker and the whitespace after it:
   * all of it, or at most one character (regex {@code \s}: ASCII whitespace).
   */
  static String unquote(String line, boolean allSpace) {
    int i = 1;
    while (i < line.length() && (allSpace || i < 2) && isRegexSpace(line.charAt(i))) {
      i++;
    }
    return line.substring(i);
  }

  /** Whether a character is regex {@code \s}: ASCII whitespace. */
  static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
