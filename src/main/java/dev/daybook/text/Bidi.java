package dev.daybook.text;

/**
 * The bidirectional controls of untrusted text: embeddings and overrides (U+202A..U+202E) and
 * isolates (U+2066..U+2069), which make text show in another order than it is stored. A commit's
 * title or author name keeps them, as GitHub shows them, but {@link #balance balanced}, so they
 * reorder nothing outside that text; pages also isolate such text ({@code <bdi>}, {@code
 * dir="auto"}), which keeps right-to-left names from pulling their neighbours along.
 */
public final class Bidi {

  private static final char PDF = '\u202C';
  private static final char PDI = '\u2069';

  private Bidi() {}

  /**
   * The text with every control it opens closed at its end, and every closing control that
   * closes nothing dropped (one could close what the text stands in, such as a page's
   * {@code <bdi>}). Text without controls is returned as it is.
   */
  public static String balance(String text) {
    int first = firstControl(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 4).append(text, 0, first);
    StringBuilder open = new StringBuilder(); // a stack: 'E' embedding or override, 'I' isolate
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u202A' && c <= '\u202E' && c != PDF) {
        open.append('E');
      } else if (c >= '\u2066' && c <= '\u2068') {
        open.append('I');
      } else if (c == PDF) {
        if (open.isEmpty() || open.charAt(open.length() - 1) != 'E') {
          continue; // closes no embedding of this text
        }
        open.setLength(open.length() - 1);
      } else if (c == PDI) {
        int isolate = open.lastIndexOf("I");
        if (isolate < 0) {
          continue; // closes no isolate of this text
        }
        open.setLength(isolate); // with the embeddings opened inside it, as Unicode has it
      }
      out.append(c);
    }
    for (int i = open.length() - 1; i >= 0; i--) {
      out.append(open.charAt(i) == 'E' ? PDF : PDI);
    }
    return out.toString();
  }

  /**
   * Whether the text is printable ASCII only: left-to-right letters and neutrals, no control.
   * Such text reorders nothing on a left-to-right page, isolated or not, so a page need not
   * isolate it ({@code dir="auto"} on every path and SHA of a report was a twentieth of it).
   */
  public static boolean plainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }

  /** The text without its bidirectional controls (a model's prose has no use for them). */
  public static String without(String text) {
    if (firstControl(text) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!isControl(text.charAt(i))) {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isControl(char c) {
    return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
  }
}
