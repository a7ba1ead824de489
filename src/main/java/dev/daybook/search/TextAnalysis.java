package dev.daybook.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How Daybook's search turns text into terms: one plain function, fully specified here, so that the
 * browser search can repeat it to the letter (the examples in
 * {@code src/test/resources/search/analyzer-spec.md} are the shared test). Lucene sees its output
 * through {@link DaybookAnalyzer}.
 *
 * <ol>
 *   <li><b>Fold.</b> Full-width ASCII (U+FF01..U+FF5E) becomes ASCII, one UTF-16 unit for one, so
 *       offsets stay those of the input: {@code ＨｉＣａｃｈｅ} is {@code HiCache}.
 *   <li><b>Runs.</b> A run is a maximal sequence of word characters: letters (Unicode L*), marks
 *       (M*), decimal digits (Nd) and {@code _}. Everything else separates runs.
 *   <li><b>Segments.</b> A run is cut where it changes between CJK characters (script Han,
 *       Hiragana, Katakana or Hangul) and the rest, so {@code 支持HiCache缓存} is 支持 / HiCache /
 *       缓存.
 *   <li><b>CJK segments</b> of n characters. Chinese has no spaces, so instead of segmenting words
 *       with a dictionary, each character and each pair of neighbours is a term (overlapping
 *       bigrams, as Lucene's {@code CJKBigramFilter}): 缓存淘汰 indexes 缓 缓存 | 存 存淘 | 淘 淘汰 | 汰
 *       at four positions. A query indexes only the bigrams (缓存 存淘 淘汰, a phrase), or the
 *       single character when it is alone. Why bigrams and not SmartChinese: a query then matches
 *       exactly the documents containing it as a substring, with no dictionary that could segment
 *       a query differently from the text around it (the pagefind problem), nothing to ship to the
 *       browser, and technical text that mixes Chinese with English and code is not split by a
 *       dictionary made for news. The index is larger; the archive is small.
 *   <li><b>Other segments</b> lose leading and trailing {@code _}; one longer than
 *       {@value #MAX_WORD} code points (a hash, a blob) is dropped. The segment, lower-cased, is a
 *       term (the <i>whole word</i>). At index time, when it splits into two or more <i>parts</i> at
 *       {@code _}, at lower→upper ({@code hiC}), at the last of several capitals before a lower
 *       ({@code KVManager}) and between letters and digits ({@code qwen3}), each part lower-cased
 *       is a term too, at the same position: {@code HiCache} indexes hicach, hi, cach. A query
 *       keeps the whole word only, so {@code cache} finds HiCache while {@code HiCache} does not
 *       find "hi cache".
 *   <li><b>Lower case</b> maps each code point on its own (its lower case when that is one code
 *       point, else itself).
 *   <li><b>Stop words</b>: the 33 English words of Lucene's {@code ENGLISH_STOP_WORDS_SET}
 *       ({@link #STOP_WORDS}), compared before stemming, are dropped; their position stays empty.
 *   <li><b>Stemming</b>: a term of ASCII letters only ({@code [a-z]+}) is stemmed with Porter's
 *       algorithm ({@link Porter}); anything with digits, other letters or {@code _} is left as it is.
 *   <li>A term already produced at the same position is not repeated.
 * </ol>
 *
 * Positions: each whole word takes one position, each CJK character one (a query's bigram run takes
 * n-1, or 1). Offsets are UTF-16 indexes into the input, as Java and JavaScript strings count.
 */
public final class TextAnalysis {

  /** Changes whenever any rule above changes; part of the index fingerprint. */
  public static final String VERSION = "daybook-text-1";

  /** Segments longer than this (code points) are dropped. */
  public static final int MAX_WORD = 64;

  /** Lucene's English stop words, the same 33. */
  public static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be",
      "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such",
      "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will",
      "with");

  /** Index text, or analyze a query. */
  public enum Mode {
    INDEX,
    QUERY
  }

  /**
   * One term at a position.
   *
   * @param start the offset of its first UTF-16 unit in the input
   * @param end the offset after its last
   */
  public record Token(String term, int position, int start, int end) {
    public Token {
      Objects.requireNonNull(term, "term");
    }
  }

  /** No code point below U+1100 (Hangul Jamo) is Han, Hiragana, Katakana or Hangul. */
  private static final int FIRST_CJK = 0x1100;

  private TextAnalysis() {}

  public static List<Token> analyze(String text, Mode mode) {
    String folded = fold(text);
    List<Token> out = new ArrayList<>();
    int[] position = {-1};
    int i = 0;
    while (i < folded.length()) {
      int cp = folded.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int segStart = i;
      boolean cjk = isCjk(cp);
      while (i < folded.length()) {
        int c = folded.codePointAt(i);
        if (!isWordChar(c) || isCjk(c) != cjk) {
          break;
        }
        i += Character.charCount(c);
      }
      if (cjk) {
        cjkSegment(folded, segStart, i, mode, position, out);
      } else {
        otherSegment(folded, segStart, i, mode, position, out);
      }
    }
    return out;
  }

  /** The terms only, in order. */
  public static List<String> terms(String text, Mode mode) {
    return analyze(text, mode).stream().map(Token::term).toList();
  }

  static String fold(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= '\uFF01' && chars[i] <= '\uFF5E') {
        chars[i] = (char) (chars[i] - 0xFEE0);
      }
    }
    return new String(chars);
  }

  static boolean isWordChar(int cp) {
    if (cp == '_') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER:
        return true;
      default:
        return false;
    }
  }

  static boolean isCjk(int cp) {
    if (cp < FIRST_CJK) {
      return false; // Latin, digits, punctuation: most of the text, without a script lookup
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
  }

  private static void cjkSegment(String s, int from, int to, Mode mode, int[] position,
      List<Token> out) {
    List<int[]> chars = new ArrayList<>(); // start, end of each code point
    for (int i = from; i < to; ) {
      int n = Character.charCount(s.codePointAt(i));
      chars.add(new int[] {i, i + n});
      i += n;
    }
    int n = chars.size();
    if (mode == Mode.QUERY && n > 1) {
      for (int c = 0; c + 1 < n; c++) {
        position[0]++;
        out.add(new Token(s.substring(chars.get(c)[0], chars.get(c + 1)[1]), position[0],
            chars.get(c)[0], chars.get(c + 1)[1]));
      }
      return;
    }
    for (int c = 0; c < n; c++) {
      position[0]++;
      int[] ch = chars.get(c);
      out.add(new Token(s.substring(ch[0], ch[1]), position[0], ch[0], ch[1]));
      if (c + 1 < n) {
        int end = chars.get(c + 1)[1];
        out.add(new Token(s.substring(ch[0], end), position[0], ch[0], end));
      }
    }
  }

  private static void otherSegment(String s, int from, int to, Mode mode, int[] position,
      List<Token> out) {
    while (from < to && s.charAt(from) == '_') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '_') {
      to--;
    }
    if (from == to || s.codePointCount(from, to) > MAX_WORD) {
      return;
    }
    position[0]++;
    Set<String> seen = new LinkedHashSet<>();
    emit(s, from, to, position[0], seen, out);
    if (mode == Mode.INDEX) {
      List<int[]> parts = parts(s, from, to);
      if (parts.size() > 1) {
        for (int[] p : parts) {
          emit(s, p[0], p[1], position[0], seen, out);
        }
      }
    }
  }

  private static void emit(String s, int from, int to, int position, Set<String> seen,
      List<Token> out) {
    String lower = lower(s.substring(from, to));
    if (STOP_WORDS.contains(lower)) {
      return;
    }
    String term = isAsciiLetters(lower) ? Porter.stem(lower) : lower;
    if (seen.add(term)) {
      out.add(new Token(term, position, from, to));
    }
  }

  private enum Kind { UPPER, LOWER, DIGIT, UNDERSCORE }

  private static Kind kind(int cp) {
    if (cp == '_') {
      return Kind.UNDERSCORE;
    }
    if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
      return Kind.DIGIT;
    }
    return Character.getType(cp) == Character.UPPERCASE_LETTER ? Kind.UPPER : Kind.LOWER;
  }

  /** The parts of a word, as [start, end) offsets; see the class comment. */
  static List<int[]> parts(String s, int from, int to) {
    List<int[]> parts = new ArrayList<>();
    int partStart = -1;
    Kind prev = null;
    for (int i = from; i < to; ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      Kind k = kind(cp);
      if (k == Kind.UNDERSCORE) {
        if (partStart >= 0) {
          parts.add(new int[] {partStart, i});
        }
        partStart = -1;
        prev = null;
        i += n;
        continue;
      }
      boolean split = false;
      if (partStart >= 0 && prev != null) {
        if (prev == Kind.LOWER && k == Kind.UPPER) {
          split = true;
        } else if ((prev == Kind.DIGIT) != (k == Kind.DIGIT)) {
          split = true;
        } else if (prev == Kind.UPPER && k == Kind.LOWER) {
          // "KVManager": the capital before the lower-case letter starts the new part.
          int last = s.offsetByCodePoints(i, -1);
          if (last > partStart) {
            parts.add(new int[] {partStart, last});
            partStart = last;
          }
        }
      }
      if (split) {
        parts.add(new int[] {partStart, i});
        partStart = i;
      }
      if (partStart < 0) {
        partStart = i;
      }
      prev = k;
      i += n;
    }
    if (partStart >= 0) {
      parts.add(new int[] {partStart, to});
    }
    return parts;
  }

  /** Lower case, one code point at a time (see the class comment). */
  static String lower(String s) {
    if (isAscii(s)) {
      return s.toLowerCase(Locale.ROOT); // one character for one: the rule below, quicker
    }
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      String one = new String(Character.toChars(cp));
      String low = one.toLowerCase(Locale.ROOT);
      out.append(low.codePointCount(0, low.length()) == 1 ? low : one);
    });
    return out.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
