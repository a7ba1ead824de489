package dev.daybook.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The first implementation of {@link TextAnalysis}, kept in its way (a list of tokens built with
 * strings and sets, following the rules as they changed) so that tests can check the streaming
 * one against it, token for token.
 */
final class TextAnalysisReference {

  private static final int MAX_WORD = TextAnalysis.MAX_WORD;
  private static final java.util.Set<String> STOP_WORDS = TextAnalysis.STOP_WORDS;

  private TextAnalysisReference() {}

  public static List<TextAnalysis.Token> analyze(String text, TextAnalysis.Mode mode) {
    String folded = fold(text);
    List<TextAnalysis.Token> out = new ArrayList<>();
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
  public static List<String> terms(String text, TextAnalysis.Mode mode) {
    return analyze(text, mode).stream().map(TextAnalysis.Token::term).toList();
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

  // The character classes are TextAnalysis's own (its table of them is tested on every code
  // point); what this class keeps is the old way of turning them into tokens.
  static boolean isWordChar(int cp) {
    return TextAnalysis.isWordChar(cp);
  }

  static boolean isCjk(int cp) {
    return TextAnalysis.isCjk(cp);
  }

  private static void cjkSegment(String s, int from, int to, TextAnalysis.Mode mode, int[] position,
      List<TextAnalysis.Token> out) {
    List<int[]> chars = new ArrayList<>(); // start, end of each code point
    for (int i = from; i < to; ) {
      int n = Character.charCount(s.codePointAt(i));
      chars.add(new int[] {i, i + n});
      i += n;
    }
    int n = chars.size();
    if (mode == TextAnalysis.Mode.WORDS) {
      return;
    }
    if ((mode == TextAnalysis.Mode.QUERY || mode == TextAnalysis.Mode.QUERY_PARTS) && n > 1) {
      for (int c = 0; c + 1 < n; c++) {
        position[0]++;
        out.add(new TextAnalysis.Token(s.substring(chars.get(c)[0], chars.get(c + 1)[1]), position[0],
            chars.get(c)[0], chars.get(c + 1)[1]));
      }
      position[0]++;
      return;
    }
    for (int c = 0; c < n; c++) {
      position[0]++;
      int[] ch = chars.get(c);
      out.add(new TextAnalysis.Token(s.substring(ch[0], ch[1]), position[0], ch[0], ch[1]));
      if (c + 1 < n) {
        int end = chars.get(c + 1)[1];
        out.add(new TextAnalysis.Token(s.substring(ch[0], end), position[0], ch[0], end));
      }
    }
  }

  private static void otherSegment(String s, int from, int to, TextAnalysis.Mode mode, int[] position,
      List<TextAnalysis.Token> out) {
    while (from < to && s.charAt(from) == '_') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '_') {
      to--;
    }
    if (from == to || s.codePointCount(from, to) > MAX_WORD) {
      return;
    }
    if (mode == TextAnalysis.Mode.WORDS
        && s.substring(from, to).matches("(?=.*[0-9])[0-9a-fA-F]{7,40}")) {
      return;
    }
    int base = ++position[0];
    List<int[]> parts = parts(s, from, to);
    Set<String> seen = new LinkedHashSet<>();
    if (mode == TextAnalysis.Mode.QUERY_PARTS && parts.size() > 1) {
      emitParts(s, parts, base, mode, out);
    } else {
      emit(s, from, to, base, mode, seen, out);
      if ((mode == TextAnalysis.Mode.INDEX || mode == TextAnalysis.Mode.WORDS)
          && parts.size() > 1) {
        // The first part shares the whole word's position, and what it produced there.
        for (int p = 0; p < parts.size(); p++) {
          emit(s, parts.get(p)[0], parts.get(p)[1], base + p, mode,
              p == 0 ? seen : new LinkedHashSet<>(), out);
        }
      }
    }
    position[0] = base + parts.size() - 1;
  }

  private static void emitParts(String s, List<int[]> parts, int base, TextAnalysis.Mode mode,
      List<TextAnalysis.Token> out) {
    for (int p = 0; p < parts.size(); p++) {
      emit(s, parts.get(p)[0], parts.get(p)[1], base + p, mode, new LinkedHashSet<>(), out);
    }
  }

  private static void emit(String s, int from, int to, int position, TextAnalysis.Mode mode,
      Set<String> seen, List<TextAnalysis.Token> out) {
    String lower = lower(s.substring(from, to));
    if (STOP_WORDS.contains(lower)) {
      return;
    }
    if (mode == TextAnalysis.Mode.WORDS) {
      if (isAsciiLetters(lower) && lower.length() >= 2
          && lower.length() <= TextAnalysis.MAX_SPELLED && seen.add(lower)) {
        out.add(new TextAnalysis.Token(lower, position, from, to));
      }
      return;
    }
    String term = isAsciiLetters(lower) ? PorterStems.stem(lower) : lower;
    if (seen.add(term)) {
      out.add(new TextAnalysis.Token(term, position, from, to));
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
