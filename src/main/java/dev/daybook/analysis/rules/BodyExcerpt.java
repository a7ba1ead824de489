package dev.daybook.analysis.rules;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The first paragraph of a commit message body that says something, as plain text: not a trailer
 * ({@code Co-authored-by:}), not what a pull request template leaves behind (its headings,
 * {@code <!-- hints -->}, {@code - [ ]} checklists, a lone "N/A").
 */
final class BodyExcerpt {

  /** Long enough for a sentence or two; the full message is one click away. */
  static final int MAX_CHARACTERS = 280;

  // "Signed-off-by: ...", "Co-authored-by: ...": who, not what; GitHub squash merges end with them.
  private static final Pattern TRAILER = Pattern.compile(
      "\\s*([A-Za-z]+-)+[A-Za-z]+:\\s.*|\\s*(Cc|Fixes|Closes|Resolves|Refs|Change-Id):\\s.*");
  private static final Pattern TEMPLATE_HINT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);
  private static final Pattern HEADING = Pattern.compile("\\s{0,3}#{1,6}(\\s.*)?");
  private static final Pattern CHECKLIST_ITEM = Pattern.compile("\\s*[-*+]\\s+\\[[ xX]?\\].*");
  private static final Pattern NOTHING_SAID =
      Pattern.compile("(?i)[\\p{P}\\s]*(n/?a|none|tbd|todo|no|-)?[\\p{P}\\s]*");
  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

  private BodyExcerpt() {}

  /** The paragraph joined into one line and cut at {@link #MAX_CHARACTERS} with an ellipsis. */
  static Optional<String> of(String body) {
    String text = TEMPLATE_HINT.matcher(body.replace("\r\n", "\n")).replaceAll("");
    // A template's heading ends a paragraph; its checklist says nothing, nor do trailers.
    String kept = text.lines()
        .map(line -> HEADING.matcher(line).matches() ? "" : line)
        .filter(line -> !CHECKLIST_ITEM.matcher(line).matches())
        .collect(Collectors.joining("\n"));
    return Arrays.stream(PARAGRAPH_BREAK.split(kept))
        .filter(p -> !NOTHING_SAID.matcher(p).matches() && !isTrailers(p))
        .findFirst()
        .map(p -> cut(String.join(" ", p.strip().split("\\s*\\n\\s*"))));
  }

  private static boolean isTrailers(String paragraph) {
    return paragraph.strip().lines().allMatch(line -> TRAILER.matcher(line).matches());
  }

  /**
   * Cuts after {@link #MAX_CHARACTERS} code points, moved on to the end of the user-perceived
   * character there, so that no emoji sequence, flag or accent is split in half. (Java 17's
   * {@code BreakIterator} still splits emoji joined by U+200D.)
   */
  static String cut(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_CHARACTERS) {
      return text;
    }
    int end = text.offsetByCodePoints(0, MAX_CHARACTERS);
    while (end < text.length() && continuesCharacter(text, end)) {
      end += Character.charCount(text.codePointAt(end));
    }
    return end == text.length() ? text : text.substring(0, end).stripTrailing() + "…";
  }

  /** Whether the code point at {@code at} belongs to the same character as the one before. */
  private static boolean continuesCharacter(String text, int at) {
    int current = text.codePointAt(at);
    int previous = text.codePointBefore(at);
    return previous == ZERO_WIDTH_JOINER
        || current == ZERO_WIDTH_JOINER
        || isExtender(current)
        || (isRegionalIndicator(previous) && isRegionalIndicator(current)
            && regionalIndicatorsBefore(text, at) % 2 == 1);
  }

  /** Combining marks, variation selectors, skin tones and emoji tag characters. */
  private static boolean isExtender(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
        || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF)
        || (codePoint >= 0xE0020 && codePoint <= 0xE007F);
  }

  private static boolean isRegionalIndicator(int codePoint) {
    return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
  }

  /** Flags are pairs of regional indicators: an odd count before means we are inside a pair. */
  private static int regionalIndicatorsBefore(String text, int at) {
    int count = 0;
    for (int i = at; i > 0 && isRegionalIndicator(text.codePointBefore(i));
        i -= Character.charCount(text.codePointBefore(i))) {
      count++;
    }
    return count;
  }
}
