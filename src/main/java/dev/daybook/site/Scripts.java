package dev.daybook.site;

import dev.daybook.model.Language;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The site's scripts as they are published: without the lines that are only a comment, without
 * indentation, and with the words of the site's language only. The search script is fetched by
 * every first query, and its comments and indentation are a fifth of it; the copy under {@code
 * assets/js/} stays the one to read.
 *
 * <p>A script keeps each language's words between a line {@code // language KEY} ({@code zh} or
 * {@code en}) and the next line {@code // language end}; the lines of every other language than
 * the site's are left out. A marker out of place (a block never ended, one inside another, an
 * end without a block, another key) stops the build, naming the line: a block cut short would
 * publish half a script for one of the languages.
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
   *
   * @param name the script's file, named in errors
   * @throws SiteException when a language marker is out of place
   */
  static byte[] compact(String name, byte[] script, Language language) throws SiteException {
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
    int opened = 0;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String code = lines[i].strip();
      if (code.startsWith(LANGUAGE)) {
        String key = code.substring(LANGUAGE.length());
        String where = name + ":" + (i + 1) + ": '" + code + "'";
        if (code.equals(LANGUAGE_END)) {
          if (block == null) {
            throw new SiteException(where + " ends no '" + LANGUAGE + "KEY' block");
          }
          block = null;
        } else if (Arrays.stream(Language.values()).noneMatch(l -> l.key().equals(key))) {
          throw new SiteException(where + ": a language marker names zh or en (or end)");
        } else if (block != null) {
          throw new SiteException(where + " is inside the block of line " + opened
              + ", which is not ended ('" + LANGUAGE_END + "')");
        } else {
          block = key;
          opened = i + 1;
        }
        continue;
      }
      if (code.isEmpty() || code.startsWith("//")
          || block != null && !block.equals(language.key())) {
        continue;
      }
      out.append(code).append('\n');
    }
    if (block != null) {
      throw new SiteException(name + ":" + opened + ": '" + LANGUAGE + block
          + "' is never ended ('" + LANGUAGE_END + "')");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
