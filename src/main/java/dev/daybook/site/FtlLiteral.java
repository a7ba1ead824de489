package dev.daybook.site;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes Java values as Freemarker literals, for the generated {@code _site.ftl}. Every character
 * outside a small safe set is written as a {@code \xHHHH} escape, so no value can end the string or
 * start an interpolation.
 */
final class FtlLiteral {

  private FtlLiteral() {}

  static String of(Object value) {
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FtlLiteral::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      // Keys sorted: the literal must not depend on a map's order (Map.of's changes from one JVM
      // to the next), because a digest of the generated template decides what a rebuild keeps.
      return map.entrySet().stream()
          .sorted(java.util.Comparator.comparing(e -> e.getKey().toString()))
          .map(e -> string(e.getKey().toString()) + ": " + of(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    throw new IllegalArgumentException("no Freemarker literal for " + value);
  }

  private static String string(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128 || " /._-:".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "\\x%04X", (int) c));
      }
    }
    return out.append('"').toString();
  }
}
