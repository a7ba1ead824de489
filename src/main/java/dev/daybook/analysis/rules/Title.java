package dev.daybook.analysis.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a commit title the rules read: leading bracket tags ({@code [Kernel] [AMD]}), then a
 * conventional-commit prefix ({@code feat(scope)!:}), then the subject.
 *
 * @param tags the bracket tags as written, without brackets, in title order
 * @param subject the title after the tags and the prefix
 */
record Title(List<String> tags, Optional<Prefix> prefix, String subject) {

  /**
   * A conventional-commit prefix.
   *
   * @param raw the prefix as written, e.g. {@code Refactor(qwen3-vl)} or {@code feat!:}
   * @param scope the text in parentheses, or {@code null}
   * @param breaking the {@code !} marker before the colon
   */
  record Prefix(String raw, String word, String scope, boolean breaking) {}

  // Tags and scopes are short; the bounds keep hostile 20 KB titles from being quoted whole.
  private static final Pattern TAG = Pattern.compile("\\s*\\[([^\\[\\]\\n]{1,40})\\]");
  private static final Pattern AFTER_TAGS = Pattern.compile("\\s*:?\\s*");
  private static final Pattern PREFIX = Pattern.compile(
      "([A-Za-z][A-Za-z0-9_-]{0,19})(?:\\(([^()\\n]{1,40})\\))?(!)?(:)?(?=\\s|$)");

  static Title parse(String title) {
    List<String> tags = new ArrayList<>();
    Matcher tag = TAG.matcher(title);
    int at = 0;
    while (tag.region(at, title.length()).lookingAt()) {
      tags.add(tag.group(1).strip());
      at = tag.end();
    }
    if (!tags.isEmpty()) {
      Matcher gap = AFTER_TAGS.matcher(title).region(at, title.length());
      at = gap.lookingAt() ? gap.end() : at;
    }
    String rest = title.substring(at);
    Optional<Prefix> prefix = prefix(rest);
    String subject = prefix.map(p -> rest.substring(p.raw().length()).strip()).orElse(rest);
    return new Title(List.copyOf(tags), prefix, subject);
  }

  /**
   * {@code word:} or {@code word(scope):} with any word, so that {@code model:} is read as an area;
   * without the colon only a known type word with a scope counts, as in sglang's
   * {@code Refactor(qwen3-vl) optimize ...}, so that "Fix cross-container race" stays a sentence.
   */
  private static Optional<Prefix> prefix(String text) {
    Matcher m = PREFIX.matcher(text);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    boolean colon = m.group(4) != null;
    boolean scoped = m.group(2) != null;
    if (!colon && !(scoped && TypeWords.isKnown(m.group(1)))) {
      return Optional.empty();
    }
    return Optional.of(new Prefix(m.group(), m.group(1), m.group(2), m.group(3) != null));
  }
}
