package dev.daybook.config;

import java.util.Locale;

/**
 * Checks a secret (a token, an API key) before it goes into an {@code Authorization} header. A
 * value the HTTP client would refuse makes it throw an error that quotes the offending header
 * value, secret included; so each secret is checked here first, and the error names the variable
 * and what is wrong, never the value.
 *
 * <p>A secret must be printable ASCII without spaces ({@code !} to {@code ~}): that is what tokens
 * and API keys are made of. The one thing forgiven is a single line break at the end ({@code \n},
 * {@code \r\n} or {@code \r}), which copying a secret from a file or a terminal often adds: it
 * cannot be part of a secret (no HTTP header can carry it), so removing it sends exactly what the
 * user meant. Anything else (a second line break, a line break or control character inside, a
 * space, a character outside ASCII) is an error.
 */
public final class Secrets {

  private Secrets() {}

  /**
   * The secret ready to send, without the one trailing line break it may have.
   *
   * @param name what holds the secret, as the user knows it: {@code GITHUB_TOKEN}, {@code the API
   *     key}
   * @param value the secret, not blank
   * @throws IllegalArgumentException naming {@code name} and the first offending character (its
   *     code point and position), never the value
   */
  public static String check(String name, String value) {
    String secret = withoutOneTrailingLineBreak(value);
    if (secret.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty apart from a line break");
    }
    for (int i = 0; i < secret.length(); i++) {
      int c = secret.codePointAt(i);
      if (c < '!' || c > '~') {
        boolean last = i + Character.charCount(c) == secret.length();
        String where = last || secret.substring(i).isBlank() ? "at its end"
            : i == 0 ? "at its start" : "inside (character " + (i + 1) + ")";
        throw new IllegalArgumentException(name + " holds " + kind(c) + " "
            + where + "; a token or key is printable ASCII without spaces or line breaks (the"
            + " value is not shown)");
      }
    }
    return secret;
  }

  private static String withoutOneTrailingLineBreak(String value) {
    if (value.endsWith("\r\n")) {
      return value.substring(0, value.length() - 2);
    }
    if (value.endsWith("\n") || value.endsWith("\r")) {
      return value.substring(0, value.length() - 1);
    }
    return value;
  }

  private static String kind(int c) {
    String code = String.format(Locale.ROOT, "U+%04X", c);
    return switch (c) {
      case '\n' -> "a line break (" + code + ")";
      case '\r' -> "a carriage return (" + code + ")";
      case '\t' -> "a tab (" + code + ")";
      case ' ' -> "a space (" + code + ")";
      default -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
          ? "a control character (" + code + ")"
          : "a character outside ASCII (" + code + ")";
    };
  }
}
