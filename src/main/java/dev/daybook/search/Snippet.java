package dev.daybook.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A short passage of a commit's text around the query's terms, and where they are in it.
 *
 * <p>How it is chosen (the browser will do the same): the text is analyzed in index mode and every
 * token whose term is one of the query's terms is a match. Each match, with up to {@value #LEAD}
 * characters before it, starts a candidate window of {@value #WIDTH} characters; the window holding
 * the most different matched terms wins, the earliest on ties. Its start moves forward and its end
 * backward off the middle of an ASCII word, never past a match, and never splits a surrogate pair.
 * Without a match the snippet is the text's beginning. "…" marks a cut; overlapping matches (as CJK
 * bigrams are) merge into one highlight.
 *
 * @param highlights [start, end) offsets into {@code text}, in UTF-16 units, in order
 */
public record Snippet(String text, List<int[]> highlights) {

  public static final int WIDTH = 160;
  public static final int LEAD = 30;
  private static final int NUDGE = 15;
  /**
   * The most characters of a commit's text a snippet is taken from ({@link #source}): what
   * results store of the text, which the report's page holds whole. Long enough for nearly every
   * commit's whole text; cuts the few longest.
   */
  public static final int SOURCE_LIMIT = 2_500;

  public Snippet {
    highlights = List.copyOf(highlights);
  }

  /** The text with each highlight wrapped in {@code open} and {@code close}. */
  public String marked(String open, String close) {
    StringBuilder out = new StringBuilder(text.length() + highlights.size() * 8);
    int at = 0;
    for (int[] h : highlights) {
      out.append(text, at, h[0]).append(open).append(text, h[0], h[1]).append(close);
      at = h[1];
    }
    return out.append(text.substring(at)).toString();
  }

  /** Every match in a whole text, e.g. a title, merged. */
  public static Snippet whole(String text, Set<String> terms) {
    return new Snippet(text, merge(matches(text, terms), 0, text.length(), 0));
  }

  public static Snippet of(String text, Set<String> terms) {
    List<int[]> matches = matches(text, terms);
    if (text.length() <= WIDTH) {
      return new Snippet(text, merge(matches, 0, text.length(), 0));
    }
    int bestStart = 0;
    int bestScore = 0;
    List<TextAnalysis.Token> tokens = tokens(text, terms);
    for (TextAnalysis.Token candidate : tokens) {
      int start = Math.max(0, candidate.start() - LEAD);
      long score = tokens.stream()
          .filter(t -> t.start() >= start && t.end() <= start + WIDTH)
          .map(TextAnalysis.Token::term).distinct().count();
      if (score > bestScore) {
        bestScore = (int) score;
        bestStart = start;
      }
    }
    int start = bestStart;
    int end = Math.min(text.length(), start + WIDTH);
    int firstMatch = matches.stream().filter(m -> m[0] >= start).mapToInt(m -> m[0])
        .min().orElse(end);
    int lastMatch = matches.stream().filter(m -> m[1] <= end).mapToInt(m -> m[1])
        .max().orElse(start);
    int s = start;
    while (s > 0 && s < firstMatch && s - start < NUDGE && isAsciiWord(text.charAt(s - 1))
        && isAsciiWord(text.charAt(s))) {
      s++;
    }
    int e = end;
    while (e < text.length() && e > lastMatch && end - e < NUDGE
        && isAsciiWord(text.charAt(e - 1)) && isAsciiWord(text.charAt(e))) {
      e--;
    }
    if (s > 0 && Character.isLowSurrogate(text.charAt(s))) {
      s++;
    }
    if (e < text.length() && Character.isLowSurrogate(text.charAt(e))) {
      e--;
    }
    String prefix = s > 0 ? "…" : "";
    String suffix = e < text.length() ? "…" : "";
    String cut = prefix + text.substring(s, e) + suffix;
    return new Snippet(cut, merge(matches, s, e, prefix.length() - s));
  }

  /**
   * The text snippets are taken from: {@code text} itself, or its first {@link #SOURCE_LIMIT}
   * characters and "…", cut before an ASCII word it would split (by at most {@value #NUDGE}
   * characters, as a window's edges move) and never inside a surrogate pair.
   */
  public static String source(String text) {
    if (text.length() <= SOURCE_LIMIT) {
      return text;
    }
    int e = SOURCE_LIMIT;
    while (SOURCE_LIMIT - e < NUDGE && isAsciiWord(text.charAt(e - 1))
        && isAsciiWord(text.charAt(e))) {
      e--;
    }
    if (Character.isLowSurrogate(text.charAt(e))) {
      e--;
    }
    return text.substring(0, e).stripTrailing() + "…";
  }

  private static List<TextAnalysis.Token> tokens(String text, Set<String> terms) {
    return TextAnalysis.analyze(text, TextAnalysis.Mode.INDEX).stream()
        .filter(t -> terms.contains(t.term())).toList();
  }

  private static List<int[]> matches(String text, Set<String> terms) {
    return tokens(text, terms).stream().map(t -> new int[] {t.start(), t.end()})
        .sorted((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]))
        .toList();
  }

  /** The matches inside [from, to), merged where they overlap, shifted by {@code shift}. */
  private static List<int[]> merge(List<int[]> matches, int from, int to, int shift) {
    List<int[]> out = new ArrayList<>();
    for (int[] m : matches) {
      if (m[0] < from || m[1] > to) {
        continue;
      }
      int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && m[0] < last[1] - shift) {
        last[1] = Math.max(last[1], m[1] + shift);
      } else {
        out.add(new int[] {m[0] + shift, m[1] + shift});
      }
    }
    return out;
  }

  private static boolean isAsciiWord(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }
}
