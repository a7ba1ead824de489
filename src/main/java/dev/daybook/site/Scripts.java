package dev.daybook.site;

import java.nio.charset.StandardCharsets;

/**
 * The site's scripts as they are published: without the lines that are only a comment and
 * without indentation. The search script is fetched by every first query, and its comments and
 * indentation are a fifth of it; the copy under {@code assets/js/} stays the one to read.
 *
 * <p>Only whole lines go or lose their leading blanks, which cannot change what the script does:
 * a line break stays wherever code was on both sides of it, and the scripts hold no template
 * literal that spans lines (a test checks).
 */
final class Scripts {

  private Scripts() {}

  /** The script without comment-only lines, blank lines and indentation. */
  static byte[] compact(byte[] script) {
    String text = new String(script, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      String code = line.strip();
      if (code.isEmpty() || code.startsWith("//")) {
        continue;
      }
      out.append(code).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
