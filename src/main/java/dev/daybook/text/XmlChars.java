package dev.daybook.text;

import java.util.Locale;

/**
 * The characters XML 1.0 allows ({@code Char}: tab, line feed, carriage return, U+0020..U+D7FF,
 * U+E000..U+FFFD and U+10000..U+10FFFF as surrogate pairs), and the replacement of the others:
 * the C0 controls but those three, U+FFFE, U+FFFF and surrogates that are not half of a pair. Not
 * even a character reference can write one of those in XML, so a feed that holds one is not XML
 * at all, and a reader drops it whole. Used where text leaves Daybook as a file: the report
 * writer, the site's pages, and {@code check}, which names them.
 */
public final class XmlChars {

  /** What every character XML does not allow becomes: U+FFFD REPLACEMENT CHARACTER. */
  public static final char REPLACEMENT = '\uFFFD';

  private static final int CHUNK = 4096;

  private XmlChars() {}

  /** Whether XML 1.0 allows a code point (a surrogate code point on its own is not allowed). */
  public static boolean allowed(int codePoint) {
    if (codePoint < 0x20) {
      return codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
    }
    return codePoint <= 0xD7FF || codePoint >= 0xE000 && codePoint <= 0xFFFD
        || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
  }

  /**
   * The index of the first character of {@code text} at or after {@code from} that XML does not
   * allow (a surrogate not paired counts as one), or -1 when there is none.
   */
  public static int indexOfDisallowed(String text, int from) {
    // Every page of a site is scanned: the characters are copied in chunks into an array and
    // scanned there, several times quicker than charAt with the JIT's quick tier alone (C1).
    int n = text.length();
    char[] chunk = new char[Math.max(0, Math.min(n - from, CHUNK))];
    int start = from;
    while (start < n) {
      int length = Math.min(n - start, chunk.length);
      text.getChars(start, start + length, chunk, 0);
      int i = 0;
      while (i < length) {
        char c = chunk[i];
        if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r'
            : c >= 0xD800 && (c < 0xE000 || c >= 0xFFFE)) {
          // Not allowed, or a surrogate: allowed as the first half of a pair.
          boolean paired = Character.isHighSurrogate(c) && start + i + 1 < n
              && Character.isLowSurrogate(i + 1 < length ? chunk[i + 1]
                  : text.charAt(start + i + 1));
          if (!paired) {
            return start + i;
          }
          i += 2; // may step past the chunk by one: the next chunk starts after the pair
        } else {
          i++;
        }
      }
      start += i;
    }
    return -1;
  }

  /**
   * The text with each character XML does not allow replaced by {@link #REPLACEMENT}; the same
   * instance when it has none.
   */
  public static String replaceDisallowed(String text) {
    int bad = indexOfDisallowed(text, 0);
    if (bad < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (bad >= 0) {
      out.append(text, from, bad).append(REPLACEMENT);
      from = bad + 1;
      bad = indexOfDisallowed(text, from);
    }
    return out.append(text, from, text.length()).toString();
  }

  /**
   * How a message names the character at {@code index} (one {@link #indexOfDisallowed} found):
   * {@code U+FFFF}, {@code U+0007}, {@code U+D800}.
   */
  public static String name(CharSequence text, int index) {
    return String.format(Locale.ROOT, "U+%04X", (int) text.charAt(index));
  }

  /** What kind of character XML refuses it is, for a message: "a control character"... */
  public static String kind(char c) {
    if (c < 0x20) {
      return "a control character";
    }
    return Character.isSurrogate(c) ? "half of a surrogate pair, alone" : "a noncharacter";
  }
}
