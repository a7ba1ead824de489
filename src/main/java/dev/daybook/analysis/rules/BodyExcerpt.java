package dev.daybook.analysis.rules;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The first paragraph of a commit message body that says something, as plain text. */
final class BodyExcerpt {

  /** Long enough for a sentence or two; the full message is one click away. */
  static final int MAX_CHARACTERS = 280;

  // "Signed-off-by: ...", "Co-authored-by: ...": who, not what; GitHub squash merges end with them.
  private static final Pattern TRAILER = Pattern.compile(
      "\\s*([A-Za-z]+-)+[A-Za-z]+:\\s.*|\\s*(Cc|Fixes|Closes|Resolves|Refs|Change-Id):\\s.*");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

  private BodyExcerpt() {}

  /** The paragraph joined into one line and cut at {@link #MAX_CHARACTERS} with an ellipsis. */
  static Optional<String> of(String body) {
    return Arrays.stream(PARAGRAPH_BREAK.split(body.replace("\r\n", "\n")))
        .filter(p -> !p.isBlank() && !isTrailers(p))
        .findFirst()
        .map(p -> cut(String.join(" ", p.strip().split("\\s*\\n\\s*"))));
  }

  private static boolean isTrailers(String paragraph) {
    return paragraph.strip().lines().allMatch(line -> TRAILER.matcher(line).matches());
  }

  /** Cuts between user-perceived characters, so no emoji or accent is split in half. */
  static String cut(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_CHARACTERS) {
      return text;
    }
    BreakIterator characters = BreakIterator.getCharacterInstance();
    characters.setText(text);
    int end = characters.following(text.offsetByCodePoints(0, MAX_CHARACTERS - 1));
    if (end == BreakIterator.DONE) {
      return text;
    }
    return text.substring(0, end).stripTrailing() + "…";
  }
}
