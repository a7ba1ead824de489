package dev.daybook.site;

import dev.daybook.model.Language;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The site's scripts as they are published: without the lines that are only a comment, without
 * indentation, and with the words of the site's language only. The search script is fetched by
 * every first query, and its comments and indentation are a fifth of it; the copy under {@code
 * assets/js/} stays the one to read.
 *
 * <p>A script keeps each language's words between a line {@code // language KEY} and the next
 * line {@code // language end}; the lines of every other language than the site's are left out.
 *
 * <p>Only whole lines go or lose their leading blanks, which keeps a line break wherever code was
 * on both sides of one. That is safe only where no token spans lines: a script with a template
 * literal, a block comment, a line continued by a backslash, or bytes that are not UTF-8 (a
 * script a fork adds) is published as it is.
 */
final class Scripts {

  private Scripts() {}

  private static final String LANGUAGE = "// language ";
  private static final String LANGUAGE_END = LANGUAGE + "end";

  /**
   * The script without comment-only lines, blank lines, indentation and other languages' words,
   * when that is safe.
   */
  static byte[] compact(byte[] script, Language language) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(script)).toString();
    } catch (CharacterCodingException notUtf8) {
      return script;
    }
    if (text.contains("`") || text.contains("/*") || text.contains("\\\n")
        || text.contains("\\\r")) {
      return script;
    }
    StringBuilder out = new StringBuilder(text.length());
    String block = null; // the language of the lines being read, or null outside a block
    for (String line : text.split("\n", -1)) {
      String code = line.strip();
      if (code.startsWith(LANGUAGE)) {
        block = code.equals(LANGUAGE_END) ? null : code.substring(LANGUAGE.length());
        continue;
      }
      if (code.isEmpty() || code.startsWith("//")
          || block != null && !block.equals(language.key())) {
        continue;
      }
      out.append(code).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
