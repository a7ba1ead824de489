package dev.daybook.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Turns untrusted text (commit titles, author names, paths) into CommonMark that shows exactly that
 * text, and back. Every character that could start markup, a link, an HTML tag, an entity, a table
 * cell boundary or a code span is backslash-escaped, so a hostile commit message stays text in any
 * CommonMark renderer, in a GFM table cell as well as in a heading.
 */
public final class MarkdownText {

  private static final Parser INLINE_PARSER = Parser.builder().build();

  // Characters with inline meaning in CommonMark and GFM ('|' splits table cells, '~' strikes,
  // '&' starts an entity). '!' needs no escape: with '[' escaped it cannot start an image.
  private static final String SPECIAL = "\\`*[]<>|~&";

  private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

  private MarkdownText() {}

  /**
   * One line of plain text as inline CommonMark: line breaks and control characters become spaces,
   * markup characters are escaped.
   */
  public static String inline(String plain) {
    String text = oneLine(plain);
    StringBuilder out = new StringBuilder(text.length() + 16);
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Characters that would start a block at the beginning of a line: "- x", "+ x", "1. x",
      // "1) x", "===" (setext underline), "---" (thematic break).
      boolean blockStart = (i == 0 && (c == '-' || c == '+' || c == '='))
          || (i == digits && digits > 0 && (c == '.' || c == ')'));
      if (SPECIAL.indexOf(c) >= 0 || blockStart || emphasisUnderscore(text, i)
          || closingHashes(text, i)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** An underscore between two letters or digits cannot open or close emphasis: no escape. */
  private static boolean emphasisUnderscore(String text, int i) {
    if (text.charAt(i) != '_') {
      return false;
    }
    boolean inWord = i > 0 && i + 1 < text.length()
        && Character.isLetterOrDigit(text.charAt(i - 1))
        && Character.isLetterOrDigit(text.charAt(i + 1));
    return !inWord;
  }

  /**
   * A '#' matters only at the start of a line (a heading) or in a run of '#' that ends the text
   * (a heading's closing sequence, which CommonMark strips). Those are escaped; "(#18119)" is not.
   */
  private static boolean closingHashes(String text, int i) {
    if (text.charAt(i) != '#') {
      return false;
    }
    if (i == 0) {
      return true;
    }
    int j = i;
    while (j < text.length() && text.charAt(j) == '#') {
      j++;
    }
    return j == text.length();
  }

  /**
   * Plain text as a code span, e.g. a file path: the fence is one backtick longer than any run of
   * backticks inside, so no content can close it early.
   */
  public static String code(String plain) {
    String text = oneLine(plain);
    int longest = 0;
    Matcher m = BACKTICK_RUN.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    String fence = "`".repeat(longest + 1);
    // A span that starts or ends with a backtick needs padding, which CommonMark strips.
    boolean pad = text.startsWith("`") || text.endsWith("`");
    String inner = pad ? " " + text + " " : text;
    return fence + inner + fence;
  }

  /**
   * Collapses text to one line without control characters or line separators; its
   * bidirectional controls are kept, {@link Bidi#balance balanced}, so that they reorder
   * nothing after it.
   */
  public static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Line and paragraph separators (U+2028, U+2029) end a line for some readers.
      boolean breaks = Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
      out.append(breaks ? ' ' : c);
    }
    return Bidi.balance(out.toString().strip());
  }

  /** The characters a backslash escapes in CommonMark. */
  public static boolean isAsciiPunctuation(char c) {
    return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`'
        || c >= '{' && c <= '~';
  }

  /**
   * The text a reader sees in a piece of inline CommonMark: escapes and entities resolved, link
   * texts kept, emphasis and raw HTML tags dropped, bidirectional controls balanced. The inverse
   * of {@link #inline(String)}.
   */
  public static String plain(String markdown) {
    Node document = INLINE_PARSER.parse(markdown);
    StringBuilder out = new StringBuilder();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        out.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        out.append(code.getLiteral());
      }

      @Override
      public void visit(HtmlInline html) {
        // An anchor such as <a id="3d68bd9"></a> carries no visible text.
      }

      @Override
      public void visit(SoftLineBreak softLineBreak) {
        out.append(' ');
      }

      @Override
      public void visit(HardLineBreak hardLineBreak) {
        out.append(' ');
      }
    });
    return Bidi.balance(out.toString().strip());
  }
}
